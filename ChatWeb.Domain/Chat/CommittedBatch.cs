namespace ChatWeb.Domain.Chat;

/// <summary>A batch the writer has ended (committed, or rolled back with nothing to write), with how each of its sends ended.</summary>
internal sealed record CommittedBatch(IReadOnlyList<PendingSend> Sends, IReadOnlyList<SendOutcome> Outcomes)
{
    /// <summary>
    /// Completes each caller with its outcome once the batch is durable. If it could not be made
    /// durable, no stored message is acknowledged: each such caller sees an error and sends again
    /// with the same client message id, which answers with what was stored. Refusals keep their own error.
    /// </summary>
    public void Answer(Exception? durabilityError)
    {
        for (var i = 0; i < Sends.Count; i++)
        {
            if (Outcomes[i].Error is { } error)
            {
                Sends[i].Fail(error);
            }
            else if (durabilityError is not null)
            {
                Sends[i].Fail(ChatException.NotConfirmed(durabilityError));
            }
            else
            {
                Sends[i].Complete(Outcomes[i].Stored);
            }
        }
    }
}
