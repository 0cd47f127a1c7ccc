namespace ChatWeb.Bench.Load;

/// <summary>A rate the search tried: its first attempt, which decides, and a retry shown beside it when that missed.</summary>
internal sealed record LadderStep(StepResult First, StepResult? Retry);

/// <summary>The highest rate whose first attempt held the bound, with every step tried on the way.</summary>
internal sealed record LadderResult(StepResult? Best, StepResult? FirstFailure, IReadOnlyList<LadderStep> Steps, bool ReachedCap, double Cap)
{
    public double BestRate => Best?.TargetRate ?? 0;

    /// <summary>One step, no search: what a smoke run does.</summary>
    public static LadderResult Single(StepResult step, double cap) =>
        new(step.Sustained ? step : null, step.Sustained ? null : step, [new LadderStep(step, null)], ReachedCap: false, cap);
}

/// <summary>
/// Finds the highest sustained rate: doubles from a start until a rate fails, then bisects between
/// the last success and the first failure. Each rate's first attempt is its result. Each step is
/// bounded; the search stops by itself.
/// </summary>
internal static class RateLadder
{
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(1);

    /// <param name="step">Runs one step at a rate; the bool says whether it is a retry.</param>
    /// <param name="retryMisses">
    /// Run a missed rate once more and show it beside the first attempt: it tells a one-off stall
    /// from a rate the server cannot hold. It never turns a miss into a pass.
    /// </param>
    public static async Task<LadderResult> SearchAsync(
        Func<double, bool, Task<StepResult>> step, double start, double cap, int refineSteps, bool retryMisses)
    {
        var steps = new List<LadderStep>();
        StepResult? best = null, failure = null;

        async Task<StepResult> Try(double rate)
        {
            var first = await Once(Math.Round(Math.Min(rate, cap)), retry: false);
            var retry = first.Sustained || !retryMisses ? null : await Once(first.TargetRate, retry: true);
            steps.Add(new LadderStep(first, retry));
            return first;
        }

        async Task<StepResult> Once(double rate, bool retry)
        {
            var result = await step(rate, retry);
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
                return new LadderResult(best, null, steps, ReachedCap: true, cap);
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
            var middle = Math.Round((best.TargetRate + failure.TargetRate) / 2);
            if (middle == best.TargetRate || middle == failure.TargetRate)
            {
                break;
            }
            var result = await Try(middle);
            (best, failure) = result.Sustained ? (result, failure) : (best, result);
        }
        return new LadderResult(best, failure, steps, ReachedCap: false, cap);
    }
}
