namespace ChatWeb.Domain.Entities;

/// <summary>
/// One person a message mentions (named, or reached by @here). Keyed by thread first, like messages
/// and reactions, so a message's mentions are a prefix of the key; indexed by the person, their
/// thread and the seq, so "unread mentions" is one range seek above the person's read mark.
/// </summary>
public sealed class Mention
{
    public Guid ThreadId { get; set; }
    public Guid MessageId { get; set; }
    public required string UserId { get; set; }

    /// <summary>The message's seq: counted as unread while it is above the person's read mark.</summary>
    public long Seq { get; set; }

    /// <summary>The mentioned person's row in the thread: leaving the thread takes their mentions with it.</summary>
    public ThreadMember? Member { get; set; }
}
