using System.Collections.Concurrent;
using ChatWeb.Domain.Chat;

namespace ChatWeb.Tests.Integration.Processes;

/// <summary>Every send a test made: acknowledged (with what the server answered), or left unanswered by a kill.</summary>
internal sealed class SendLedger
{
    private readonly ConcurrentDictionary<string, ChatMessage> acknowledged = new();
    private readonly ConcurrentDictionary<string, PlannedSend> unanswered = new();

    public IReadOnlyDictionary<string, ChatMessage> Acknowledged => acknowledged;

    public int UnansweredCount => unanswered.Count;

    public void Acknowledge(PlannedSend send, ChatMessage message)
    {
        acknowledged[send.ClientMessageId] = message;
        unanswered.TryRemove(send.ClientMessageId, out _);
    }

    public void LeaveUnanswered(PlannedSend send) => unanswered[send.ClientMessageId] = send;

    /// <summary>The sends the server never answered, to send again with their own client message ids.</summary>
    public List<PlannedSend> TakeUnanswered()
    {
        var taken = unanswered.Values.ToList();
        taken.ForEach(s => unanswered.TryRemove(s.ClientMessageId, out _));
        return taken;
    }
}

internal sealed record PlannedSend(string Sender, Guid ThreadId, string ClientMessageId, string Body);
