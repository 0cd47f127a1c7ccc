namespace ChatWeb.Bench.Diagnostics;

/// <summary>
/// One timed piece of the chat server's send path, from its <c>ChatWeb-SendPath</c> events: a
/// writer batch ("batch", <see cref="Count"/> sends), a flush ("flush", batches answered), or a
/// checkpoint copy ("checkpoint by writer" or "checkpoint beside"). UTC start and length.
/// </summary>
internal sealed record SendPathSpan(string Kind, DateTime Start, double Milliseconds, int Count)
{
    public DateTime End => Start.AddMilliseconds(Milliseconds);

    public bool Overlaps(DateTime from, DateTime to) => Start < to && End > from;
}
