namespace ChatWeb.Domain.Chat;

/// <summary>
/// What a batch's transaction read before anything was decided: the threads it sends to, with
/// their members, locked until commit; the messages already stored under its client message ids;
/// and the messages its replies answer, as they are under those locks.
/// </summary>
internal sealed record BatchRead(
    IReadOnlyDictionary<Guid, ThreadSnapshot> Threads,
    IReadOnlyDictionary<(string SenderId, string ClientMessageId), ChatMessage> Earlier,
    IReadOnlyDictionary<Guid, ReplyTarget> ReplyTargets);

/// <summary>A message a reply in the batch answers: its thread (a reply must stay in it), and what its quote shows.</summary>
internal sealed record ReplyTarget(Guid Id, Guid ThreadId, long Seq, string Sender, string SenderDisplayName, string Body, bool IsDeleted)
{
    public ReplyPreview Preview => ReplyPreview.Of(Id, Seq, Sender, SenderDisplayName, Body, IsDeleted);
}
