namespace ChatWeb.Domain.Chat;

/// <summary>A batch the writer has committed, with how each of its sends ended, waiting to be answered.</summary>
internal sealed record CommittedBatch(IReadOnlyList<PendingSend> Sends, IReadOnlyList<SendOutcome> Outcomes)
{
    /// <summary>Completes each caller with its outcome.</summary>
    public void Answer()
    {
        for (var i = 0; i < Sends.Count; i++)
        {
            if (Outcomes[i].Error is { } error)
            {
                Sends[i].Fail(error);
            }
            else
            {
                Sends[i].Complete(Outcomes[i].Stored);
            }
        }
    }

    /// <summary>
    /// The commit could not be made durable: no stored message is acknowledged. Each caller sees the
    /// error and sends again with the same client message id, which answers with what was stored.
    /// </summary>
    public void Fail(Exception flushError)
    {
        var error = new IOException("The message could not be confirmed on disk. Send it again.", flushError);
        for (var i = 0; i < Sends.Count; i++)
        {
            Sends[i].Fail(Outcomes[i].Error ?? error);
        }
    }
}
