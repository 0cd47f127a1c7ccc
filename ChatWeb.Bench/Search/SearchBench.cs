using System.Diagnostics;
using ChatWeb.Bench.Load;
using ChatWeb.Bench.Report;
using ChatWeb.Domain;
using ChatWeb.Domain.Data;
using ChatWeb.Domain.Search;
using HdrHistogram;
using Microsoft.Extensions.Configuration;

namespace ChatWeb.Bench.Search;

/// <summary>
/// Search latency on SQLite over a large history: one person in some of the threads searches, one
/// search at a time (the time a person waits), through the domain's <see cref="MessageSearchService"/>
/// as the hub and the browser call it (reading the page's messages and thread names included; the
/// hub's own frame adds well under a millisecond on loopback). Queries are drawn from the seeded words
/// in the shapes people type: a common word, a rare one, two words with the last still being typed, a
/// few letters, a quoted phrase, a person's messages, one conversation's, and the second page of a
/// common word.
/// </summary>
internal static class SearchBench
{
    public static async Task<int> RunAsync(SearchBenchOptions options)
    {
        Console.WriteLine($"Search bench: {options.Messages:N0} messages in {options.Threads:N0} threads, searcher in {options.MemberOf}; {MachineInfo.Describe()}");
        var corpus = await SearchCorpus.SeedOrOpenAsync(options);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{DatabaseRegistration.ConnectionStringName}"] = $"Data Source={options.DatabasePath}",
        }).Build();
        await using var services = new ServiceCollection().AddLogging().AddChatDatabase(configuration, options.WorkDirectory).AddChatDomain().BuildServiceProvider();
        var search = services.GetRequiredService<MessageSearchService>();

        var words = new SearchWords();
        var random = new Random(7);
        var phrases = await PhrasesAsync(search, corpus, words);
        var kinds = new (string Name, Func<Task<SearchPage>> Run)[]
        {
            ("common word", () => Find(search, corpus, $"{Pick(words, random, 0, 20)} ")),
            ("rare word", () => Find(search, corpus, $"{Pick(words, random, 1_000, 5_000)} ")),
            ("two words, typing", () => Find(search, corpus, $"{Pick(words, random, 20, 500)} {Prefix(Pick(words, random, 0, 2_000), 4)}")),
            ("three letters", () => Find(search, corpus, Prefix(Pick(words, random, 20, 500), 3))),
            ("phrase", () => Find(search, corpus, phrases[random.Next(phrases.Count)])),
            ("from: a person", () => Find(search, corpus, $"from:{corpus.OtherUserName} {Pick(words, random, 0, 200)} ")),
            ("one conversation", () => search.SearchAsync(
                corpus.SearcherId, $"{Pick(words, random, 0, 200)} ", corpus.SearcherThreads.ElementAt(random.Next(corpus.SearcherThreads.Count)), null)),
            ("second page", async () =>
            {
                var query = $"{Pick(words, random, 0, 20)} ";
                var first = await search.SearchAsync(corpus.SearcherId, query, null, null);
                return await search.SearchAsync(corpus.SearcherId, query, null, first.Next);
            }),
        };

        for (var i = 0; i < 50; i++)
        {
            await kinds[i % kinds.Length].Run();
        }
        var all = LatencySummary.NewHistogram();
        var byKind = kinds.ToDictionary(k => k.Name, _ => LatencySummary.NewHistogram());
        var hits = 0L;
        var load = MachineInfo.LoadAverage();
        for (var i = 0; i < options.Queries; i++)
        {
            var (name, run) = kinds[i % kinds.Length];
            var started = Stopwatch.GetTimestamp();
            var page = await run();
            var micros = Math.Max(1, (long)Stopwatch.GetElapsedTime(started).TotalMicroseconds);
            Check(page, corpus);
            hits += page.Hits.Count;
            all.RecordValue(micros);
            byKind[name].RecordValue(micros);
        }

        Console.WriteLine($"  load average before: {load}; after: {MachineInfo.LoadAverage()}");
        Console.WriteLine($"  index rebuild: {(corpus.IndexBuild == TimeSpan.Zero ? "seeded earlier" : $"{corpus.IndexBuild.TotalSeconds:F0} s")}");
        Console.WriteLine("| query | searches | p50 ms | p99 ms | max ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var (name, histogram) in byKind.Append(new("all", all)))
        {
            var s = LatencySummary.From(histogram);
            Console.WriteLine($"| {name} | {s.Count:N0} | {s.P50:F1} | {s.P99:F1} | {s.Max:F1} |");
        }
        Console.WriteLine($"  {hits / (double)options.Queries:F1} hits a search on average");
        return 0;
    }

    private static Task<SearchPage> Find(MessageSearchService search, SearchCorpusInfo corpus, string query) =>
        search.SearchAsync(corpus.SearcherId, query, null, null);

    private static string Pick(SearchWords words, Random random, int fromRank, int toRank) => words.Words[random.Next(fromRank, toRank)];

    private static string Prefix(string word, int length) => word[..Math.Min(length, word.Length)];

    /// <summary>Two words in a row from messages the searcher can see, quoted.</summary>
    private static async Task<List<string>> PhrasesAsync(MessageSearchService search, SearchCorpusInfo corpus, SearchWords words)
    {
        var phrases = new List<string>();
        foreach (var word in words.Words.Take(40))
        {
            var page = await search.SearchAsync(corpus.SearcherId, $"{word} ", null, null);
            foreach (var hit in page.Hits.Take(3))
            {
                var parts = hit.Message.Body.Split(' ');
                var at = Array.IndexOf(parts, word);
                if (at >= 0 && at + 1 < parts.Length)
                {
                    phrases.Add($"\"{parts[at]} {parts[at + 1]}\"");
                }
            }
        }
        return phrases.Count > 0 ? phrases : throw new InvalidOperationException("No phrase found to search for: is the corpus seeded?");
    }

    /// <summary>A search that found messages the searcher may not see would be measuring the wrong thing.</summary>
    private static void Check(SearchPage page, SearchCorpusInfo corpus)
    {
        if (page.Hits.Any(h => !corpus.SearcherThreads.Contains(h.Message.ThreadId)) || page.Hits.Count > MessageSearchService.PageSize)
        {
            throw new InvalidOperationException("A search returned a message outside the searcher's threads.");
        }
    }
}
