using ChatWeb.Domain.Attachments;
using ChatWeb.Domain.Chat;
using ChatWeb.Tests.Domain.Changes;
using ChatWeb.Tests.Domain.Infrastructure;
using ChatWeb.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ChatWeb.Tests.Domain.Attachments;

/// <summary>Files in messages: attaching by id under the rules, reading them back, deleting them with their message, sweeping the unattached.</summary>
public class AttachmentMessageTests : ChangeTest
{
    [DatabaseFact]
    public async Task PostAsync_WithFilesAndNoText_CarriesThemInOrder_EverywhereTheMessageIsRead()
    {
        var (ann, bob, thread) = await DirectAsync();
        var photo = await UploadAsync(ann, thread, "photo.png", TestFiles.Png(40, 30));
        var notes = await UploadAsync(ann, thread, "notes.txt", TestFiles.Text("minutes"));

        var sent = await Db.Messages.PostAsync(ann.Id, thread, Draft(photo.Id, notes.Id), Ct);

        Assert.Equal("", sent.Body);
        Assert.Equal([photo, notes], sent.Attachments);
        Assert.Equal(sent, Assert.Single(Db.Notifier.MessagesStored).Message);
        Assert.Equal(sent, Assert.Single(await Db.Messages.GetBeforeAsync(bob.Id, thread, null, null, Ct)));
        Assert.Equal(sent, Assert.Single((await Db.Messages.GetChangesAfterAsync(bob.Id, thread, 0, null, Ct)).Messages));
        var summary = await Db.Conversations.GetThreadAsync(bob.Id, thread, Ct);
        Assert.Equal("📎 2 files", summary.LastMessagePreview);
    }

    [DatabaseFact]
    public async Task PostAsync_OnlyAPhoto_PreviewsAsPhoto_OnTheServerAndOnTheDevice()
    {
        var (ann, bob, thread) = await DirectAsync();
        var photo = await UploadAsync(ann, thread, "photo.png", TestFiles.Png(40, 30));
        var before = await Db.Conversations.GetThreadAsync(bob.Id, thread, Ct);

        var sent = await Db.Messages.PostAsync(ann.Id, thread, Draft(photo.Id), Ct);

        var stored = await Db.Conversations.GetThreadAsync(bob.Id, thread, Ct);
        Assert.Equal("🖼 Photo", stored.LastMessagePreview);
        Assert.Equal(stored.LastMessagePreview, before.WithMessage(sent, bob.UserName).LastMessagePreview);
    }

    [DatabaseFact]
    public async Task PostAsync_ElevenFiles_IsRefused_AndNothingIsAttached()
    {
        var (ann, _, thread) = await DirectAsync();
        var ids = new List<string>();
        for (var i = 0; i < 11; i++)
        {
            ids.Add((await UploadAsync(ann, thread, $"{i}.txt", TestFiles.Text($"file {i}"))).Id.ToString());
        }

        var refusal = await Assert.ThrowsAsync<ChatException>(() => Db.Messages.PostAsync(ann.Id, thread, new MessageDraft { ClientMessageId = "m1", AttachmentIds = ids }, Ct));

        Assert.Contains("at most 10 files", refusal.Message);
        await AssertNoMessagesAndNothingClaimedAsync();
    }

    [DatabaseFact]
    public async Task PostAsync_SomeoneElsesUpload_IsNotFound_AndNothingIsStored()
    {
        var (ann, bob, thread) = await DirectAsync();
        var bobs = await UploadAsync(bob, thread, "bobs.txt", TestFiles.Text("mine"));

        var refusal = await Assert.ThrowsAsync<ChatException>(() => Db.Messages.PostAsync(ann.Id, thread, Draft(bobs.Id), Ct));

        Assert.Equal(ChatErrorKind.NotFound, refusal.Kind);
        await AssertNoMessagesAndNothingClaimedAsync();
    }

    [DatabaseFact]
    public async Task PostAsync_AnUploadToAnotherThread_IsNotFound()
    {
        var (ann, bob, cy, group) = await GroupAsync();
        var direct = await Db.Conversations.OpenDirectAsync(ann.Id, bob.UserName, Ct);
        var elsewhere = await UploadAsync(ann, group, "group.txt", TestFiles.Text("for the group"));

        var refusal = await Assert.ThrowsAsync<ChatException>(() => Db.Messages.PostAsync(ann.Id, direct.Id, Draft(elsewhere.Id), Ct));

        Assert.Equal(ChatErrorKind.NotFound, refusal.Kind);
        _ = cy;
    }

    [DatabaseFact]
    public async Task PostAsync_AFileAlreadySentInAnotherMessage_IsRefused_AndTheFirstMessageKeepsIt()
    {
        var (ann, _, thread) = await DirectAsync();
        var file = await UploadAsync(ann, thread, "once.txt", TestFiles.Text("once"));
        var first = await Db.Messages.PostAsync(ann.Id, thread, Draft(file.Id), Ct);

        var refusal = await Assert.ThrowsAsync<ChatException>(() => Db.Messages.PostAsync(ann.Id, thread, Draft(file.Id), Ct));

        Assert.Contains("already in another message", refusal.Message);
        Assert.Equal([file], (await Db.Messages.GetBeforeAsync(ann.Id, thread, null, null, Ct)).Single(m => m.Id == first.Id).Attachments);
    }

    [DatabaseFact]
    public async Task PostAsync_ARetryWithTheSameClientMessageId_ReturnsTheOneMessageWithItsFiles()
    {
        var (ann, _, thread) = await DirectAsync();
        var file = await UploadAsync(ann, thread, "a.txt", TestFiles.Text("a"));
        var draft = Draft(file.Id) with { Body = "see attached" };
        var first = await Db.Messages.PostAsync(ann.Id, thread, draft, Ct);

        var retry = await Db.Messages.PostAsync(ann.Id, thread, draft, Ct);

        Assert.Equal(first, retry);
        Assert.Equal([file], retry.Attachments);
    }

    [DatabaseFact]
    public async Task PostAsync_AMalformedAttachmentId_IsRefusedClearly()
    {
        var (ann, _, thread) = await DirectAsync();

        var refusal = await Assert.ThrowsAsync<ChatException>(() =>
            Db.Messages.PostAsync(ann.Id, thread, new MessageDraft { ClientMessageId = "m", AttachmentIds = ["not-an-id"] }, Ct));

        Assert.Equal("'not-an-id' is not a valid attachment id.", refusal.Message);
    }

    [DatabaseFact]
    public async Task OpenAsync_BeforeSending_OnlyTheUploader_AfterSending_EveryMember_NeverAStranger()
    {
        var (ann, bob, thread) = await DirectAsync();
        var stranger = await Db.CreateUserAsync("Mallory", ct: Ct);
        var file = await UploadAsync(ann, thread, "a.txt", TestFiles.Text("a"));

        await (await Db.Attachments.OpenAsync(ann.Id, file.Id, false, Ct)).DisposeAsync();
        var bobBefore = await Assert.ThrowsAsync<ChatException>(() => Db.Attachments.OpenAsync(bob.Id, file.Id, false, Ct));
        await Db.Messages.PostAsync(ann.Id, thread, Draft(file.Id), Ct);
        await using var bobAfter = await Db.Attachments.OpenAsync(bob.Id, file.Id, false, Ct);
        var strangers = await Assert.ThrowsAsync<ChatException>(() => Db.Attachments.OpenAsync(stranger.Id, file.Id, false, Ct));
        var missing = await Assert.ThrowsAsync<ChatException>(() => Db.Attachments.OpenAsync(bob.Id, Guid.NewGuid(), false, Ct));

        Assert.Equal(ChatErrorKind.NotFound, bobBefore.Kind);
        Assert.Equal("a", System.Text.Encoding.UTF8.GetString(AttachmentUploadTests.ReadAll(bobAfter.Content)));
        Assert.Equal((missing.Kind, missing.Message), (strangers.Kind, strangers.Message));
    }

    [DatabaseFact]
    public async Task DeleteAsync_AMessageWithFiles_RemovesTheirRowsAndBytes()
    {
        var (ann, bob, thread) = await DirectAsync();
        var photo = await UploadAsync(ann, thread, "photo.png", TestFiles.Png(40, 30));
        var sent = await Db.Messages.PostAsync(ann.Id, thread, Draft(photo.Id), Ct);

        var deleted = await Db.Changes.DeleteAsync(ann.Id, thread, sent.Id, Ct);

        Assert.Empty(deleted.Attachments);
        await using var db = await Db.OpenAsync(Ct);
        Assert.Equal(0, await db.Attachments.CountAsync(Ct));
        Assert.Equal(0, await AttachmentUploadTests.StoredBlobsAsync(Db, Ct));
        await Assert.ThrowsAsync<ChatException>(() => Db.Attachments.OpenAsync(bob.Id, photo.Id, false, Ct));
    }

    [DatabaseFact]
    public async Task SweepAsync_RemovesUploadsNoMessageTookWithin24Hours_AndKeepsTheRest()
    {
        var (ann, _, thread) = await DirectAsync();
        var sent = await UploadAsync(ann, thread, "sent.txt", TestFiles.Text("sent"));
        await Db.Messages.PostAsync(ann.Id, thread, Draft(sent.Id), Ct);
        var forgotten = await UploadAsync(ann, thread, "forgotten.txt", TestFiles.Text("forgotten"));
        Db.Clock.Advance(TimeSpan.FromHours(23));
        var recent = await UploadAsync(ann, thread, "recent.txt", TestFiles.Text("recent"));
        Db.Clock.Advance(TimeSpan.FromHours(2));

        var removed = await Db.AttachmentSweeper.SweepAsync(Ct);

        Assert.Equal(1, removed);
        await using var db = await Db.OpenAsync(Ct);
        Assert.Equal(new HashSet<Guid> { recent.Id, sent.Id }, (await db.Attachments.Select(a => a.Id).ToListAsync(Ct)).ToHashSet());
        await Assert.ThrowsAsync<ChatException>(() => Db.Attachments.OpenAsync(ann.Id, forgotten.Id, false, Ct));
        Assert.Equal(2, await AttachmentUploadTests.StoredBlobsAsync(Db, Ct));
    }

    private Task<AttachmentView> UploadAsync(TestUser user, Guid thread, string name, byte[] bytes) =>
        Db.Attachments.UploadAsync(user.Id, thread, name, new MemoryStream(bytes), ct: Ct);

    private static MessageDraft Draft(params Guid[] ids) =>
        new() { ClientMessageId = Guid.NewGuid().ToString(), AttachmentIds = ids.Select(i => i.ToString()).ToList() };

    private async Task AssertNoMessagesAndNothingClaimedAsync()
    {
        await using var db = await Db.OpenAsync(Ct);
        Assert.Equal(0, await db.Messages.CountAsync(Ct));
        Assert.Equal(0, await db.Attachments.CountAsync(a => a.ClientMessageId != null, Ct));
    }
}
