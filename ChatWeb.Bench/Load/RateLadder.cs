namespace ChatWeb.Bench.Load;

/// <summary>The highest rate that held the bound, with every step tried on the way.</summary>
internal sealed record LadderResult(StepResult? Best, StepResult? FirstFailure, IReadOnlyList<StepResult> Steps, bool ReachedCap)
{
    public double BestRate => Best?.TargetRate ?? 0;
}

/// <summary>
/// Finds the highest sustained rate: doubles from a start until a rate fails, then bisects between
/// the last success and the first failure. Each step is short and bounded; the search stops by itself.
/// </summary>
internal static class RateLadder
{
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(1);

    public static async Task<LadderResult> SearchAsync(Func<double, Task<StepResult>> step, double start, double cap, int refineSteps)
    {
        var steps = new List<StepResult>();
        StepResult? best = null, failure = null;

        async Task<StepResult> Try(double rate)
        {
            var result = await Once(Math.Round(Math.Min(rate, cap)));
            // A miss is tried once more: on a small shared machine one pause (a collection, the
            // disk, another process) can spoil a 4 s step, and a search that stopped there would
            // report that pause rather than the rate. A rate fails when both attempts miss.
            return result.Sustained ? result : await Once(result.TargetRate);
        }

        async Task<StepResult> Once(double rate)
        {
            var result = await step(rate);
            steps.Add(result);
            await Task.Delay(Pause);
            return result;
        }

        for (var rate = start; ; rate *= 2)
        {
            var result = await Try(rate);
            if (!result.Sustained)
            {
                failure = result;
                break;
            }
            best = result;
            if (result.TargetRate >= cap)
            {
                return new LadderResult(best, null, steps, ReachedCap: true);
            }
        }

        // The start was already too fast: come down until something holds (at most six halvings).
        for (var rate = start / 2; best is null && rate >= start / 64; rate /= 2)
        {
            var result = await Try(rate);
            (best, failure) = result.Sustained ? (result, failure) : (best, result);
        }

        for (var i = 0; i < refineSteps && best is not null && failure is not null; i++)
        {
            var result = await Try((best.TargetRate + failure.TargetRate) / 2);
            (best, failure) = result.Sustained ? (result, failure) : (best, result);
        }
        return new LadderResult(best, failure, steps, ReachedCap: false);
    }
}
