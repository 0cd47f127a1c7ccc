using ChatWeb.Domain.Presence;
using ChatWeb.Tests.Domain.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ChatWeb.Tests.Domain.Presence;

public sealed class LastSeenWriterTests : DomainTest
{
    private static readonly DateTime Noon = new(2026, 3, 4, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task StoreAsync_LapseOlderThanAStoredDeparture_KeepsTheDeparture()
    {
        var ann = await Db.CreateUserAsync("Ann", ct: Ct);
        using var writer = new LastSeenWriter(Db.Factory);

        await writer.StoreAsync(ann.Id, Noon, Ct);
        await writer.StoreAsync(ann.Id, Noon.AddMinutes(-5), Ct, onlyIfLater: true);
        var afterOlderLapse = await LastSeenAsync(ann.Id);
        await writer.StoreAsync(ann.Id, Noon.AddMinutes(5), Ct, onlyIfLater: true);

        Assert.Equal(Noon, afterOlderLapse);
        Assert.Equal(Noon.AddMinutes(5), await LastSeenAsync(ann.Id));
    }

    [Fact]
    public async Task StoreAsync_Departure_ReplacesEvenALaterTime()
    {
        // A node whose clock ran ahead stored the later time; a departure seen now is the news.
        var ann = await Db.CreateUserAsync("Ann", ct: Ct);
        using var writer = new LastSeenWriter(Db.Factory);

        await writer.StoreAsync(ann.Id, Noon.AddHours(1), Ct);
        await writer.StoreAsync(ann.Id, Noon, Ct);

        Assert.Equal(Noon, await LastSeenAsync(ann.Id));
    }

    private async Task<DateTime?> LastSeenAsync(string userId)
    {
        await using var db = await Db.OpenAsync(Ct);
        return await db.Users.Where(u => u.Id == userId).Select(u => u.LastSeenAt).SingleAsync(Ct);
    }
}
