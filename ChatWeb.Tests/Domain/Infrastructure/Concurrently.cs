namespace ChatWeb.Tests.Domain.Infrastructure;

/// <summary>
/// Starts N operations on their own threads and releases them together. SQLite's async calls run
/// synchronously, so awaiting N calls from one thread would quietly run them one after another.
/// </summary>
public static class Concurrently
{
    public static async Task<T[]> RunAsync<T>(int count, Func<int, Task<T>> operation)
    {
        using var start = new ManualResetEventSlim(false);
        var tasks = Enumerable.Range(0, count)
            .Select(i => Task.Factory.StartNew(
                () =>
                {
                    start.Wait();
                    return operation(i);
                },
                CancellationToken.None,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default).Unwrap())
            .ToList();
        start.Set();
        return await Task.WhenAll(tasks);
    }
}
