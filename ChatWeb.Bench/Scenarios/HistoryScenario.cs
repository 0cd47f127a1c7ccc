using System.Diagnostics;
using ChatWeb.Bench.Baseline;
using ChatWeb.Bench.Load;
using Microsoft.AspNetCore.SignalR.Client;

namespace ChatWeb.Bench.Scenarios;

internal sealed record HistoryResult(int ThreadMessages, LatencySummary FirstPage, LatencySummary DeepPage);

/// <summary>Paging a very long thread: the newest page (what opening a conversation costs) and one from the middle.</summary>
internal static class HistoryScenario
{
    private const int PageSize = 50;

    public static async Task<HistoryResult> RunAsync(HubConnection connection, Guid threadId, int threadMessages, int calls)
    {
        var thread = threadId.ToString();
        var first = await PageAsync(connection, thread, null, calls, threadMessages);
        var deep = await PageAsync(connection, thread, threadMessages / 2 + 1, Math.Max(1, calls / 4), threadMessages / 2);
        Console.WriteLine($"  history  first page p50 {first.P50:F2} p99 {first.P99:F2} ms; middle page p99 {deep.P99:F2} ms ({threadMessages:N0} messages)");
        return new HistoryResult(threadMessages, first, deep);
    }

    /// <summary>Sequential calls from one client: the time one person waits, without queueing behind others.</summary>
    private static async Task<LatencySummary> PageAsync(HubConnection connection, string thread, long? beforeSeq, int calls, long expectedLast)
    {
        var histogram = LatencySummary.NewHistogram();
        for (var i = 0; i < calls + 5; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var page = await connection.InvokeAsync<List<WireMessage>>("GetMessages", thread, beforeSeq, PageSize);
            var micros = (long)Stopwatch.GetElapsedTime(started).TotalMicroseconds;
            Check(page, expectedLast);
            if (i >= 5)
            {
                histogram.RecordValue(Math.Max(1, micros));
            }
        }
        return LatencySummary.From(histogram);
    }

    private static void Check(List<WireMessage> page, long expectedLast)
    {
        var expected = (int)Math.Min(PageSize, expectedLast);
        if (page.Count != expected || page[^1].Seq != expectedLast || page.Select((m, i) => m.Seq - i).Distinct().Count() != 1)
        {
            throw new InvalidOperationException($"History page is wrong: {page.Count} messages ending at seq {page.LastOrDefault()?.Seq}, expected {expected} ending at {expectedLast}.");
        }
    }
}
