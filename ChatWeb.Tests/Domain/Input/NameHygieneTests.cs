using ChatWeb.Domain.Chat;
using ChatWeb.Tests.Domain.Infrastructure;
using Xunit;

namespace ChatWeb.Tests.Domain.Input;

/// <summary>Group titles and nicknames: one visible line, normalized, with no direction controls that disguise it.</summary>
public sealed class NameHygieneTests : DomainTest
{
    public static TheoryData<string, string> BadNames => new()
    {
        { "\u202Egnp.exe", "text-direction controls" },
        { "Payroll \u202Dfix\u202C", "text-direction controls" },
        { "\u2066isolated\u2069", "text-direction controls" },
        { "abc\u200Fdef", "text-direction controls" },
        { "\0\0", "control characters" },
        { "Team\nBeta", "control characters" },
        { "\u001b[2Jcleared", "control characters" },
        { "\u200B\u200B", "only of invisible characters" },
        { " \u2060 \uFEFF ", "only of invisible characters" },
        { "\u3164\u3164", "only of invisible characters" },
        { "\u2800", "only of invisible characters" },
    };

    [Theory]
    [MemberData(nameof(BadNames))]
    public async Task CreateGroup_BadTitle_RefusedAndNothingStored(string title, string expected)
    {
        var people = await Db.CreateUsersAsync([("Ann", null), ("Bob", null)], Ct);
        var before = await Db.StateAsync(Ct);

        var refusal = await ChatAssert.RefusedAsync(ChatErrorKind.Invalid, () => Db.Conversations.CreateGroupAsync(people[0].Id, title, [people[1].UserName], Ct));

        Assert.Contains(expected, refusal.Message);
        ChatAssert.Unchanged(before, await Db.StateAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(BadNames))]
    public async Task RenameGroup_BadTitle_RefusedAndTitleKept(string title, string expected)
    {
        var (ann, group) = await GroupAsync();

        var refusal = await ChatAssert.RefusedAsync(ChatErrorKind.Invalid, () => Db.Groups.RenameAsync(ann.Id, group, title, Ct));

        Assert.Contains(expected, refusal.Message);
        Assert.Equal("Launch", (await Db.Conversations.GetThreadAsync(ann.Id, group, Ct)).Title);
    }

    [Theory]
    [MemberData(nameof(BadNames))]
    public async Task SetNickname_BadNickname_RefusedAndNicknameKept(string nickname, string expected)
    {
        var (ann, group) = await GroupAsync();
        await Db.Settings.SetNicknameAsync(ann.Id, group, "Rocket", Ct);

        var refusal = await ChatAssert.RefusedAsync(ChatErrorKind.Invalid, () => Db.Settings.SetNicknameAsync(ann.Id, group, nickname, Ct));

        Assert.Contains(expected, refusal.Message);
        Assert.Equal("Rocket", (await Db.Conversations.GetThreadAsync(ann.Id, group, Ct)).Nickname);
    }

    [Theory]
    [InlineData("  Cafe\u0301 crew  ", "Café crew")]
    [InlineData("\u200BLaunch 🚀\uFEFF", "Launch 🚀")]
    [InlineData("فريق الإطلاق", "فريق الإطلاق")]
    [InlineData("Devs 👩‍💻❤️", "Devs 👩‍💻❤️")]
    public async Task RenameGroup_GoodTitle_StoredTrimmedAndNormalized(string title, string stored)
    {
        var (ann, group) = await GroupAsync();

        var renamed = await Db.Groups.RenameAsync(ann.Id, group, title, Ct);

        Assert.Equal(stored, renamed.Title);
        Assert.Equal(stored, (await Db.Conversations.GetThreadAsync(ann.Id, group, Ct)).Title);
    }

    [Fact]
    public async Task CreateGroup_TitleWithHalfAnEmoji_RefusedAsBrokenCharacter()
    {
        var people = await Db.CreateUsersAsync([("Ann", null), ("Bob", null)], Ct);
        var halfAnEmoji = "Launch " + "🚀"[0];

        var refusal = await ChatAssert.RefusedAsync(ChatErrorKind.Invalid, () => Db.Conversations.CreateGroupAsync(people[0].Id, halfAnEmoji, [people[1].UserName], Ct));

        Assert.Contains("broken character", refusal.Message);
    }

    [Fact]
    public async Task SetNickname_WhiteSpace_ClearsIt()
    {
        var (ann, group) = await GroupAsync();
        await Db.Settings.SetNicknameAsync(ann.Id, group, "Rocket", Ct);

        var cleared = await Db.Settings.SetNicknameAsync(ann.Id, group, "  ", Ct);

        Assert.Null(cleared.Nickname);
    }

    [Theory]
    [InlineData("\u202Egnp.exe", "text-direction controls")]
    [InlineData("Ann\u0000Lee", "control characters")]
    [InlineData("\u200B", "only of invisible characters")]
    [InlineData("   ", "cannot be blank")]
    public void DisplayName_Bad_RefusedWithClearMessage(string name, string expected)
    {
        var refusal = Assert.Throws<ChatException>(() => ChatInput.DisplayName(name));

        Assert.Contains(expected, refusal.Message);
    }

    [Fact]
    public void DisplayName_DecomposedAndPadded_NormalizedAndTrimmed()
    {
        var clean = ChatInput.DisplayName("  Zoe\u0308 Lee ");

        Assert.Equal("Zoë Lee", clean);
    }

    private async Task<(TestUser Ann, Guid Group)> GroupAsync()
    {
        var people = await Db.CreateUsersAsync([("Ann", null), ("Bob", null)], Ct);
        var group = await Db.Conversations.CreateGroupAsync(people[0].Id, "Launch", [people[1].UserName], Ct);
        return (people[0], group.Id);
    }
}
