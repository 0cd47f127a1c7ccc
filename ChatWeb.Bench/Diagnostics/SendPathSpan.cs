namespace ChatWeb.Bench.Diagnostics;

/// <summary>
/// One timed piece of the chat server's send path, from its <c>ChatWeb-SendPath</c> events: a
/// writer batch (<see cref="Count"/> sends), a flush (<see cref="Count"/> batches answered), or a
/// checkpoint copy by the writer or beside it. UTC start and length.
/// </summary>
internal sealed record SendPathSpan(string Kind, DateTime Start, double Milliseconds, int Count)
{
    public const string Batch = "batch";
    public const string Flush = "flush";
    public const string CheckpointByWriter = "checkpoint by writer";
    public const string CheckpointBeside = "checkpoint beside";

    public DateTime End => Start.AddMilliseconds(Milliseconds);

    public bool Overlaps(DateTime from, DateTime to) => Start < to && End > from;
}
