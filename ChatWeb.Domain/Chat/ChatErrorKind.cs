namespace ChatWeb.Domain.Chat;

public enum ChatErrorKind
{
    /// <summary>Missing, or not the caller's to see: the two are indistinguishable on purpose.</summary>
    NotFound,
    Invalid,
    Forbidden,
    TooFast,
}
