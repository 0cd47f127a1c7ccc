using ChatWeb.Domain.Chat;
using ChatWeb.Tests.Domain.Infrastructure;
using Microsoft.Extensions.Options;
using Xunit;

namespace ChatWeb.Tests.Domain.Messages;

/// <summary>The send allowance, on a clock that moves only when told: 20 sends/s sustained, bursts of 40.</summary>
public sealed class SendQuotaTests
{
    private readonly TestClock clock = new();
    private readonly SendQuota quota;

    public SendQuotaTests() => quota = Quota(clock, burst: 40, perSecond: 20);

    [Fact]
    public void Take_FreshPerson_AllowsExactlyTheBurst()
    {
        var taken = TakeAll("ann");

        Assert.Equal(40, taken);
    }

    [Fact]
    public void Take_Drained_RefillsAtTheSustainedRateOnly()
    {
        TakeAll("ann");

        clock.Advance(TimeSpan.FromMilliseconds(49));
        var after49Milliseconds = TakeAll("ann");
        clock.Advance(TimeSpan.FromMilliseconds(1));
        var after50Milliseconds = TakeAll("ann");
        clock.Advance(TimeSpan.FromSeconds(1));
        var afterAnotherSecond = TakeAll("ann");

        Assert.Equal(0, after49Milliseconds);
        Assert.Equal(1, after50Milliseconds);
        Assert.Equal(20, afterAnotherSecond);
    }

    [Theory]
    [InlineData(2.5)]
    [InlineData(4.5)]
    [InlineData(3_600)]
    [InlineData(86_400 * 400)]
    public void Take_BurstAfterIdle_GetsAtMostTheBucket(double idleSeconds)
    {
        quota.Take("ann");
        clock.Advance(TimeSpan.FromSeconds(idleSeconds));

        var burst = TakeAll("ann");
        clock.Advance(TimeSpan.FromMilliseconds(100));
        var refill = TakeAll("ann");

        Assert.Equal(40, burst);
        Assert.Equal(2, refill);
    }

    [Fact]
    public async Task Take_TwoDevicesAtOnce_ShareOnePersonsBucket()
    {
        var phone = Task.Run(() => TakeAll("ann"), TestContext.Current.CancellationToken);
        var laptop = Task.Run(() => TakeAll("ann"), TestContext.Current.CancellationToken);

        var taken = await phone + await laptop;
        var someoneElse = TakeAll("bob");

        Assert.Equal(40, taken);
        Assert.Equal(40, someoneElse);
    }

    [Fact]
    public void Take_ManyPeopleThenIdle_RefilledBucketsDroppedAndEveryoneStillExact()
    {
        for (var person = 0; person < 12_000; person++)
        {
            quota.Take($"person-{person}");
        }
        TakeAll("heavy");
        clock.Advance(TimeSpan.FromSeconds(3));

        var first = TakeAll("person-0");
        var heavy = TakeAll("heavy");
        var newcomer = TakeAll("newcomer");

        Assert.Equal(40, first);
        Assert.Equal(40, heavy);
        Assert.Equal(40, newcomer);
    }

    [Fact]
    public void Take_OverTheAllowance_RefusedAsTooFastWithTheDocumentedMessage()
    {
        TakeAll("ann");

        var refusal = Assert.Throws<ChatException>(() => quota.Take("ann"));

        Assert.Equal(ChatErrorKind.TooFast, refusal.Kind);
        Assert.StartsWith("Too fast:", refusal.Message);
    }

    [Theory]
    [InlineData(0, 20)]
    [InlineData(40, 0)]
    public void Create_NonPositiveSetting_FailsWithClearMessage(int burst, int perSecond)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Quota(clock, burst, perSecond));

        Assert.Contains("Realtime:SendRateLimit:Burst and :PerSecond must be at least 1", error.Message);
    }

    internal static SendQuota Quota(TimeProvider clock, int burst, int perSecond) =>
        new(Options.Create(new SendRateLimitOptions { Burst = burst, PerSecond = perSecond }), clock);

    private int TakeAll(string userId)
    {
        var taken = 0;
        while (true)
        {
            try
            {
                quota.Take(userId);
                taken++;
            }
            catch (ChatException e) when (e.Kind == ChatErrorKind.TooFast)
            {
                return taken;
            }
        }
    }
}
