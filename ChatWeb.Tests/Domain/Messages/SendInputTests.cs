using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Entities;
using ChatWeb.Tests.Domain.Infrastructure;
using Xunit;

namespace ChatWeb.Tests.Domain.Messages;

public class SendInputTests : DomainTest
{
    [DatabaseTheory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(" \r\n\t ")]
    public async Task SendAsync_EmptyOrWhitespaceBody_IsInvalidAndWritesNothing(string? body)
    {
        var (ann, thread) = await DirectThreadAsync();
        var before = await Db.StateAsync(Ct);

        await ChatAssert.RefusedAsync(ChatErrorKind.Invalid, () => Db.Messages.SendAsync(ann.Id, thread, "client-1", body, Ct));

        ChatAssert.Unchanged(before, await Db.StateAsync(Ct));
    }

    [DatabaseFact]
    public async Task SendAsync_BodyOf4001Characters_IsInvalidAndWritesNothing()
    {
        var (ann, thread) = await DirectThreadAsync();
        var before = await Db.StateAsync(Ct);

        var refusal = await ChatAssert.RefusedAsync(ChatErrorKind.Invalid, () => Db.Messages.SendAsync(ann.Id, thread, "client-1", new string('x', 4001), Ct));

        Assert.Contains("4,000", refusal.Message);
        ChatAssert.Unchanged(before, await Db.StateAsync(Ct));
    }

    [DatabaseFact]
    public async Task SendAsync_BodyOfExactly4000Characters_IsStoredWhole()
    {
        var (ann, thread) = await DirectThreadAsync();
        var body = string.Concat(Enumerable.Repeat("abcd", 1000));

        await Db.Messages.SendAsync(ann.Id, thread, "client-1", body, Ct);

        var stored = Assert.Single(await Db.Messages.GetAfterAsync(ann.Id, thread, 0, null, Ct));
        Assert.Equal(Message.BodyMaxLength, stored.Body.Length);
        Assert.Equal(body, stored.Body);
    }

    [DatabaseFact]
    public async Task SendAsync_BodyWithMarkupAndSurroundingSpace_IsStoredVerbatim()
    {
        var (ann, thread) = await DirectThreadAsync();
        const string body = "  <script>alert('hi')</script> & \"quotes\"\n";

        var ack = await Db.Messages.SendAsync(ann.Id, thread, "client-1", body, Ct);

        Assert.Equal(body, ack.Body);
        Assert.Equal(body, Assert.Single(await Db.Messages.GetAfterAsync(ann.Id, thread, 0, null, Ct)).Body);
    }

    [DatabaseTheory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public async Task SendAsync_MissingClientMessageId_IsInvalidAndWritesNothing(string? clientMessageId)
    {
        var (ann, thread) = await DirectThreadAsync();
        var before = await Db.StateAsync(Ct);

        await ChatAssert.RefusedAsync(ChatErrorKind.Invalid, () => Db.Messages.SendAsync(ann.Id, thread, clientMessageId, "hello", Ct));

        ChatAssert.Unchanged(before, await Db.StateAsync(Ct));
    }

    [DatabaseFact]
    public async Task SendAsync_ClientMessageIdLongerThan64_IsInvalid_And64IsAccepted()
    {
        var (ann, thread) = await DirectThreadAsync();

        await ChatAssert.RefusedAsync(ChatErrorKind.Invalid, () => Db.Messages.SendAsync(ann.Id, thread, new string('k', 65), "hello", Ct));
        var ack = await Db.Messages.SendAsync(ann.Id, thread, new string('k', 64), "hello", Ct);

        Assert.Equal(1, ack.Seq);
    }

    [DatabaseFact]
    public async Task SendAsync_UnknownThread_IsNotFoundAndWritesNothing()
    {
        var (ann, _) = await DirectThreadAsync();
        var before = await Db.StateAsync(Ct);

        await ChatAssert.RefusedAsync(ChatErrorKind.NotFound, () => Db.Messages.SendAsync(ann.Id, Guid.NewGuid(), "client-1", "hello", Ct));

        ChatAssert.Unchanged(before, await Db.StateAsync(Ct));
    }

    private async Task<(TestUser Ann, Guid ThreadId)> DirectThreadAsync()
    {
        var people = await Db.CreateUsersAsync([("Ann", null), ("Bob", null)], Ct);
        var thread = await Db.Conversations.OpenDirectAsync(people[0].Id, people[1].UserName, Ct);
        return (people[0], thread.Id);
    }
}
