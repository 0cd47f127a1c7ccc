using ChatWeb.Bench.Load;

namespace ChatWeb.Bench.Browser;

/// <summary>
/// Browser to browser: a line typed into one page's composer and sent with Enter, until it is in the
/// other page's conversation. Both times are the browser's own clock (<see cref="ChatPages"/>), so
/// the figure includes everything a person waits for: the keypress reaching the sender's circuit,
/// the send and its commit, the push through the hub to the receiver's circuit, and the render.
/// </summary>
internal static class TypingLatency
{
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(250);

    /// <summary>Pairs side by side; within a pair one line at a time, the next after the last was shown and a short pause.</summary>
    public static async Task<LatencySummary> MeasureAsync(IReadOnlyList<(ChatPage From, ChatPage To)> pairs, int linesPerPair, string label)
    {
        var histogram = LatencySummary.NewHistogram();
        await Task.WhenAll(pairs.Select(async (pair, p) =>
        {
            var input = pair.From.Page.GetByTestId("composer-input");
            for (var i = 0; i < linesPerPair; i++)
            {
                var text = $"{label} line {i} of pair {p} {Guid.NewGuid():N}";
                await input.FillAsync(text);
                await input.PressAsync("Enter");
                var shown = await pair.To.Page.WaitForFunctionAsync("t => window.__shownAt[t]", text, new() { Timeout = 60_000 });
                var shownAt = await shown.JsonValueAsync<double>();
                var sentAt = await pair.From.Page.EvaluateAsync<double>("() => window.__sentAt");
                histogram.RecordValue(Math.Max(1, (long)((shownAt - sentAt) * 1000)));
                await Task.Delay(Pause);
            }
        }));
        return LatencySummary.From(histogram);
    }
}
