using ChatWeb.Domain.Chat;
using ChatWeb.Tests.Domain.Infrastructure;
using Xunit;

namespace ChatWeb.Tests.Domain.Input;

/// <summary>Message bodies: normalized and free of control characters, but emoji, right-to-left scripts and line breaks stay.</summary>
public sealed class BodyHygieneTests : DomainTest
{
    [Theory]
    [InlineData("\0\0\0", "control characters")]
    [InlineData("\u001b[31mred alert\u001b[0m", "control characters")]
    [InlineData("before\0after", "control characters")]
    [InlineData("bell\u0007", "control characters")]
    [InlineData("c1 \u0085 next line", "control characters")]
    [InlineData("\u200B\u200C\u200D", "only of invisible characters")]
    [InlineData(" \u2060\uFEFF \u3164 ", "only of invisible characters")]
    [InlineData("\u202E", "only of invisible characters")]
    public async Task SendAsync_ControlOrInvisibleOnlyBody_RefusedAndNothingStored(string body, string expected)
    {
        var (ann, thread) = await DirectThreadAsync();
        var before = await Db.StateAsync(Ct);

        var refusal = await ChatAssert.RefusedAsync(ChatErrorKind.Invalid, () => Db.Messages.SendAsync(ann.Id, thread, "client-1", body, Ct));

        Assert.Contains(expected, refusal.Message);
        ChatAssert.Unchanged(before, await Db.StateAsync(Ct));
    }

    [Theory]
    [InlineData("👩‍💻 ships 👨‍👩‍👧‍👦 ❤️ 👍🏽 🏳️‍🌈")]
    [InlineData("שלום עולם, مرحبا بالعالم")]
    [InlineData("line one\nline two\n\tindented")]
    [InlineData("an RLM between scripts: abc\u200F שלום")]
    public async Task SendAsync_EmojiRightToLeftAndLineBreaks_StoredVerbatim(string body)
    {
        var (ann, thread) = await DirectThreadAsync();

        var ack = await Db.Messages.SendAsync(ann.Id, thread, "client-1", body, Ct);

        Assert.Equal(body, ack.Body);
        Assert.Equal(body, Assert.Single(await Db.Messages.GetAfterAsync(ann.Id, thread, 0, null, Ct)).Body);
    }

    [Theory]
    [InlineData("Cafe\u0301", "Café")]
    [InlineData("one\r\ntwo\rthree", "one\ntwo\nthree")]
    public async Task SendAsync_DecomposedTextOrCarriageReturns_StoredNormalized(string body, string stored)
    {
        var (ann, thread) = await DirectThreadAsync();

        var ack = await Db.Messages.SendAsync(ann.Id, thread, "client-1", body, Ct);

        Assert.Equal(stored, ack.Body);
        Assert.Equal(stored, Assert.Single(await Db.Messages.GetAfterAsync(ann.Id, thread, 0, null, Ct)).Body);
    }

    // Surrogates travel as numbers: the test runner would turn half a pair in a string into U+FFFD.
    [Theory]
    [InlineData(0xD800, "")]
    [InlineData(0xDC00, "ok ")]
    public async Task SendAsync_LoneSurrogate_RefusedAsBrokenCharacter(int surrogate, string prefix)
    {
        var (ann, thread) = await DirectThreadAsync();
        var body = $"{prefix}{(char)surrogate} not ok";

        var refusal = await ChatAssert.RefusedAsync(ChatErrorKind.Invalid, () => Db.Messages.SendAsync(ann.Id, thread, "client-1", body, Ct));

        Assert.Contains("broken character", refusal.Message);
    }

    [Theory]
    [InlineData(0x0000)]
    [InlineData(0xD800)]
    public async Task SendAsync_ClientMessageIdWithControlOrBrokenCharacter_Refused(int bad)
    {
        var (ann, thread) = await DirectThreadAsync();
        var clientMessageId = $"id{(char)bad}";

        var refusal = await ChatAssert.RefusedAsync(ChatErrorKind.Invalid, () => Db.Messages.SendAsync(ann.Id, thread, clientMessageId, "hello", Ct));

        Assert.Contains("client message id", refusal.Message);
    }

    private async Task<(TestUser Ann, Guid ThreadId)> DirectThreadAsync()
    {
        var people = await Db.CreateUsersAsync([("Ann", null), ("Bob", null)], Ct);
        var thread = await Db.Conversations.OpenDirectAsync(people[0].Id, people[1].UserName, Ct);
        return (people[0], thread.Id);
    }
}
