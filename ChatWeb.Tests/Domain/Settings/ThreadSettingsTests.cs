using ChatWeb.Domain.Chat;
using ChatWeb.Tests.Domain.Infrastructure;
using Xunit;

namespace ChatWeb.Tests.Domain.Settings;

public sealed class ThreadSettingsTests : DomainTest
{
    [Fact]
    public async Task SetNicknameAsync_Valid_IsTrimmedAndSeenOnlyByTheSetter()
    {
        var (ann, bob, thread) = await DirectThreadAsync();

        var summary = await Db.Settings.SetNicknameAsync(ann.Id, thread, "  Bobby ", Ct);

        Assert.Equal(("Bobby", "Bobby", "Bob"), (summary.Nickname, summary.DisplayTitle, summary.Title));
        Assert.Equal("Bobby", (await Db.Conversations.GetThreadAsync(ann.Id, thread, Ct)).Nickname);
        Assert.Null((await Db.Conversations.GetThreadAsync(bob.Id, thread, Ct)).Nickname);
        Assert.Equal([ann.Id], Assert.Single(Db.Notifier.ThreadsUpdated).ViewsByUserId.Keys);
    }

    [Fact]
    public async Task SetNicknameAsync_Exactly100Characters_IsAccepted()
    {
        var (ann, _, thread) = await DirectThreadAsync();
        var nickname = new string('n', 100);

        var summary = await Db.Settings.SetNicknameAsync(ann.Id, thread, nickname, Ct);

        Assert.Equal(nickname, summary.Nickname);
    }

    [Fact]
    public async Task SetNicknameAsync_LongerThan100Characters_IsInvalidAndWritesNothing()
    {
        var (ann, _, thread) = await DirectThreadAsync();
        await Db.Settings.SetNicknameAsync(ann.Id, thread, "Old", Ct);
        Db.Notifier.Clear();
        var before = await Db.StateAsync(Ct);

        await ChatAssert.RefusedAsync(ChatErrorKind.Invalid, () => Db.Settings.SetNicknameAsync(ann.Id, thread, new string('n', 101), Ct));

        ChatAssert.Unchanged(before, await Db.StateAsync(Ct));
        Assert.Equal(0, Db.Notifier.Count);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task SetNicknameAsync_Blank_ClearsTheNickname(string? blank)
    {
        var (ann, _, thread) = await DirectThreadAsync();
        await Db.Settings.SetNicknameAsync(ann.Id, thread, "Bobby", Ct);

        var summary = await Db.Settings.SetNicknameAsync(ann.Id, thread, blank, Ct);

        Assert.Null(summary.Nickname);
        Assert.Equal("Bob", summary.DisplayTitle);
        Assert.Null((await Db.Conversations.GetThreadAsync(ann.Id, thread, Ct)).Nickname);
    }

    [Fact]
    public async Task SetMutedAsync_OnThenOff_IsStoredForTheSetterOnly()
    {
        var (ann, bob, thread) = await DirectThreadAsync();

        var muted = await Db.Settings.SetMutedAsync(ann.Id, thread, true, Ct);
        var bobsView = await Db.Conversations.GetThreadAsync(bob.Id, thread, Ct);
        var unmuted = await Db.Settings.SetMutedAsync(ann.Id, thread, false, Ct);

        Assert.True(muted.IsMuted);
        Assert.False(bobsView.IsMuted);
        Assert.False(unmuted.IsMuted);
        Assert.False((await Db.Conversations.GetThreadAsync(ann.Id, thread, Ct)).IsMuted);
    }

    private async Task<(TestUser Ann, TestUser Bob, Guid ThreadId)> DirectThreadAsync()
    {
        var people = await Db.CreateUsersAsync([("Ann", null), ("Bob", null)], Ct);
        var thread = await Db.Conversations.OpenDirectAsync(people[0].Id, people[1].UserName, Ct);
        Db.Notifier.Clear();
        return (people[0], people[1], thread.Id);
    }
}
