namespace ChatWeb.Domain.Entities;

/// <summary>
/// A conversation (the seed's Thread table). Its last-message fields are denormalised so the
/// thread list is one query; unread counts derive from <see cref="LastSeq"/>. Two counters order
/// what happens in it: <see cref="LastSeq"/> numbers its messages, <see cref="LastVersion"/> numbers
/// every change to them (a new message, an edit, a delete, a reaction).
/// </summary>
public sealed class ChatThread
{
    public const int TitleMaxLength = 100;
    public const int PreviewMaxLength = 120;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public ThreadKind Kind { get; set; }
    public string? Title { get; set; }

    /// <summary>For direct threads, "smallerUserId|largerUserId": unique, so a pair has one thread.</summary>
    public string? DirectKey { get; set; }

    public string? CreatedById { get; set; }
    public DateTime CreatedAt { get; set; }
    public long LastSeq { get; set; }

    /// <summary>The version of the thread's latest change; each change takes the next, in the transaction that makes it.</summary>
    public long LastVersion { get; set; }

    public DateTime LastMessageAt { get; set; }

    /// <summary>The last message on one line, as it is now: null before the first message and once it is deleted.</summary>
    public string? LastMessagePreview { get; set; }
    public string? LastMessageSenderId { get; set; }

    public List<ThreadMember> Members { get; set; } = [];

    public static string DirectKeyFor(string userA, string userB) =>
        string.CompareOrdinal(userA, userB) < 0 ? $"{userA}|{userB}" : $"{userB}|{userA}";
}
