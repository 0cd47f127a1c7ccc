namespace ChatWeb.Domain.Chat;

/// <summary>
/// The mentions a draft asks for, checked for form (<see cref="MentionInput"/>) but not yet for
/// membership: the send protocol judges them against the members it read under the thread's lock.
/// </summary>
internal sealed record MentionRequest(IReadOnlyList<string> UserNames, bool Here)
{
    public static readonly MentionRequest None = new([], false);

    public bool IsEmpty => UserNames.Count == 0 && !Here;
}
