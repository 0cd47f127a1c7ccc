using System.Diagnostics;
using ChatWeb.Bench.Seeding;
using ChatWeb.Domain.Entities;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ChatWeb.Bench.Search;

/// <summary>Who searches in the seeded database, and the threads they are in.</summary>
internal sealed record SearchCorpusInfo(string SearcherId, HashSet<Guid> SearcherThreads, string OtherUserName, TimeSpan IndexBuild);

/// <summary>
/// A database of many messages in many threads, 200 people, each thread with three members; the
/// searcher is one of them in the first <c>--member-of</c> threads. Messages are written straight into
/// SQLite in time order (as the app stores them), then indexed with FTS5's <c>rebuild</c>, which is
/// what the MessageSearch migration does to a database upgraded with its history: its time is the upgrade's.
/// </summary>
internal static class SearchCorpus
{
    private const int People = 200;

    public static async Task<SearchCorpusInfo> SeedOrOpenAsync(SearchBenchOptions options)
    {
        Directory.CreateDirectory(options.WorkDirectory);
        var connectionString = $"Data Source={options.DatabasePath}";
        var seeded = File.Exists(options.DatabasePath);
        var build = TimeSpan.Zero;
        if (!seeded)
        {
            build = await SeedAsync(connectionString, options);
        }
        await using var db = BenchDb.Open(connectionString);
        var searcher = await db.Users.Where(u => u.UserName == Name(0)).Select(u => u.Id).SingleAsync();
        var threads = await db.ThreadMembers.Where(m => m.OwnerId == searcher).Select(m => m.ThreadId).ToListAsync();
        return new SearchCorpusInfo(searcher, [.. threads], Name(1), build);
    }

    public static string Name(int person) => $"searcher{person}@bench.test";

    private static async Task<TimeSpan> SeedAsync(string connectionString, SearchBenchOptions options)
    {
        var clock = Stopwatch.StartNew();
        await using (var db = BenchDb.Open(connectionString))
        {
            await db.Database.MigrateAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            var people = Enumerable.Range(0, People).Select(p => new ChatUser
            {
                UserName = Name(p), NormalizedUserName = Name(p).ToUpperInvariant(), Email = Name(p),
                NormalizedEmail = Name(p).ToUpperInvariant(), DisplayName = $"Person {p}", SecurityStamp = Guid.NewGuid().ToString(),
            }).ToList();
            db.Users.AddRange(people);
            var start = DateTime.UtcNow.AddDays(-400);
            for (var t = 0; t < options.Threads; t++)
            {
                var thread = new ChatThread { Kind = ThreadKind.Group, Title = $"Thread {t}", CreatedAt = start, LastMessageAt = start };
                // The searcher (person 0) is in the first threads; two others in each, spread over everyone.
                int[] members = t < options.MemberOf ? [0, 1 + t % (People - 1), 1 + (t + 7) % (People - 1)] : [1 + t % (People - 1), 1 + (t + 7) % (People - 1), 1 + (t + 13) % (People - 1)];
                thread.Members.AddRange(members.Distinct().Select(p => new ThreadMember { OwnerId = people[p].Id, JoinedAt = start }));
                db.Threads.Add(thread);
            }
            await db.SaveChangesAsync();
        }
        Console.WriteLine($"  people and {options.Threads:N0} threads in {clock.Elapsed.TotalSeconds:F0} s");
        await InsertMessagesAsync(connectionString, options);
        Console.WriteLine($"  {options.Messages:N0} messages in {clock.Elapsed.TotalSeconds:F0} s");

        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var indexing = Stopwatch.StartNew();
        await ExecuteAsync(connection, """INSERT INTO "MessageSearch"("MessageSearch") VALUES ('rebuild');""");
        var build = indexing.Elapsed;
        Console.WriteLine($"  index rebuilt from {options.Messages:N0} messages in {build.TotalSeconds:F0} s");
        await ExecuteAsync(connection, "PRAGMA wal_checkpoint(TRUNCATE);");
        return build;
    }

    private static async Task InsertMessagesAsync(string connectionString, SearchBenchOptions options)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, "PRAGMA synchronous=OFF;");
        var threads = new List<(string Id, string[] Members)>();
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = """SELECT t."Id", group_concat(m."OwnerId") FROM "Threads" t JOIN "ThreadMembers" m ON m."ThreadId" = t."Id" GROUP BY t."Id" ORDER BY t."Title" """;
            await using var rows = await read.ExecuteReaderAsync();
            while (await rows.ReadAsync())
            {
                threads.Add((rows.GetString(0), rows.GetString(1).Split(',')));
            }
        }

        var words = new SearchWords();
        var random = new Random(2026);
        var seqs = new long[threads.Count];
        var start = DateTime.UtcNow.AddDays(-365);
        var step = TimeSpan.FromDays(365) / options.Messages;
        var tx = connection.BeginTransaction();
        await using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO "Messages" ("Id", "ThreadId", "Seq", "Version", "SenderId", "Body", "ClientMessageId", "SentAt")
            VALUES ($id, $thread, $seq, $seq, $sender, $body, $client, $sentAt)
            """;
        var p = new[] { "$id", "$thread", "$seq", "$sender", "$body", "$client", "$sentAt" }.Select(n => insert.Parameters.Add(new SqliteParameter { ParameterName = n })).ToArray();
        insert.Transaction = tx;
        insert.Prepare();
        for (var i = 0; i < options.Messages; i++)
        {
            var t = random.Next(threads.Count);
            var at = start + step * i;
            p[0].Value = HistoryRows.GuidText(Guid.CreateVersion7(at));
            p[1].Value = threads[t].Id;
            p[2].Value = ++seqs[t];
            p[3].Value = threads[t].Members[random.Next(threads[t].Members.Length)];
            p[4].Value = words.Message(random);
            p[5].Value = $"seed-{i}";
            p[6].Value = at.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture);
            insert.ExecuteNonQuery();
            if (i % 100_000 == 99_999)
            {
                tx.Commit();
                tx.Dispose();
                tx = connection.BeginTransaction();
                insert.Transaction = tx;
            }
        }
        tx.Commit();
        tx.Dispose();
        await using var update = connection.CreateCommand();
        update.CommandText = """UPDATE "Threads" SET "LastSeq" = $seq, "LastVersion" = $seq WHERE "Id" = $id""";
        var seq = update.Parameters.Add(new SqliteParameter { ParameterName = "$seq" });
        var id = update.Parameters.Add(new SqliteParameter { ParameterName = "$id" });
        for (var t = 0; t < threads.Count; t++)
        {
            (seq.Value, id.Value) = (seqs[t], threads[t].Id);
            update.ExecuteNonQuery();
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
