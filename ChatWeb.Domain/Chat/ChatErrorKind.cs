using System.Text.Json.Serialization;

namespace ChatWeb.Domain.Chat;

[JsonConverter(typeof(JsonStringEnumConverter<ChatErrorKind>))]
public enum ChatErrorKind
{
    /// <summary>Missing, or not the caller's to see: the two are indistinguishable on purpose.</summary>
    NotFound,
    Invalid,
    Forbidden,
    TooFast,

    /// <summary>An upload over the size limit, refused while it streamed in; nothing was kept.</summary>
    TooLarge,

    /// <summary>The store could not take or confirm the change just now; the same call, repeated, is safe.</summary>
    Unavailable,
}
