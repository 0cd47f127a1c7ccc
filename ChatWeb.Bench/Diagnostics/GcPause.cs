namespace ChatWeb.Bench.Diagnostics;

/// <summary>
/// One pause of every managed thread (UTC start, length), the collection it ran (generation and
/// kind, −1 for a suspension without one) and the bytes that collection promoted.
/// </summary>
internal sealed record GcPause(DateTime Start, double Milliseconds, int Generation, string Type, long PromotedBytes)
{
    public DateTime End => Start.AddMilliseconds(Milliseconds);
}
