using ChatWeb.Domain.Chat;
using ChatWeb.Tests.Domain.Infrastructure;
using Xunit;

namespace ChatWeb.Tests.Domain.Conversations;

/// <summary>
/// A stranger learns nothing about a thread and changes nothing in it: every operation answers
/// exactly as for a thread that does not exist.
/// </summary>
public class NonMemberTests : DomainTest
{
    public static readonly TheoryData<string> Operations =
    [
        "GetThread", "GetBefore", "GetAfter", "Send", "MarkRead", "SetMuted", "SetNickname",
        "Rename", "AddMembers", "RemoveMember", "Leave", "Post", "Edit", "Delete", "React", "Unreact", "GetChangesAfter",
    ];

    [DatabaseTheory]
    [MemberData(nameof(Operations))]
    public async Task Operation_ByNonMember_IsNotFoundAndWritesNothing(string operation)
    {
        var people = await Db.CreateUsersAsync([("Owner", null), ("Member", null), ("Stranger", null)], Ct);
        var (owner, member, stranger) = (people[0], people[1], people[2]);
        var group = await Db.Conversations.CreateGroupAsync(owner.Id, "Private", [member.UserName], Ct);
        var secret = await Db.SendAsync(owner, group.Id, "secret", Ct);
        await Db.SendAsync(member, group.Id, "also secret", Ct);
        await Db.Changes.ReactAsync(member.Id, group.Id, secret.Id, "👍", true, Ct);
        Db.Notifier.Clear();
        var before = await Db.StateAsync(Ct);

        var refusal = await ChatAssert.RefusedAsync(ChatErrorKind.NotFound, Act(operation, stranger, group.Id, member, stranger, secret.Id));

        Assert.Equal(ChatException.ThreadNotFound().Message, refusal.Message);
        ChatAssert.Unchanged(before, await Db.StateAsync(Ct));
        Assert.Equal(0, Db.Notifier.Count);
    }

    [DatabaseTheory]
    [MemberData(nameof(Operations))]
    public async Task Operation_OnUnknownThread_IsTheSameNotFound(string operation)
    {
        var people = await Db.CreateUsersAsync([("Owner", null), ("Member", null), ("Other", null)], Ct);
        await Db.Conversations.CreateGroupAsync(people[0].Id, "Real", [people[1].UserName], Ct);
        Db.Notifier.Clear();
        var before = await Db.StateAsync(Ct);

        var refusal = await ChatAssert.RefusedAsync(ChatErrorKind.NotFound, Act(operation, people[0], Guid.NewGuid(), people[1], people[2], Guid.NewGuid()));

        Assert.Equal(ChatException.ThreadNotFound().Message, refusal.Message);
        ChatAssert.Unchanged(before, await Db.StateAsync(Ct));
        Assert.Equal(0, Db.Notifier.Count);
    }

    [DatabaseFact]
    public async Task SendAsync_NonMemberReusingTheirOwnClientMessageId_IsNotFoundAndWritesNothing()
    {
        var people = await Db.CreateUsersAsync([("Owner", null), ("Member", null), ("Stranger", null)], Ct);
        var group = await Db.Conversations.CreateGroupAsync(people[0].Id, "Private", [people[1].UserName], Ct);
        var strangersOwn = await Db.Conversations.OpenDirectAsync(people[2].Id, people[0].UserName, Ct);
        await Db.Messages.SendAsync(people[2].Id, strangersOwn.Id, "client-1", "hello", Ct);
        Db.Notifier.Clear();
        var before = await Db.StateAsync(Ct);

        await ChatAssert.RefusedAsync(ChatErrorKind.NotFound, () => Db.Messages.SendAsync(people[2].Id, group.Id, "client-1", "hello", Ct));

        ChatAssert.Unchanged(before, await Db.StateAsync(Ct));
        Assert.Equal(0, Db.Notifier.Count);
    }

    /// <summary>Each operation with arguments that would succeed for a member or owner.</summary>
    private Func<Task> Act(string operation, TestUser caller, Guid threadId, TestUser member, TestUser newcomer, Guid messageId) => operation switch
    {
        "GetThread" => () => Db.Conversations.GetThreadAsync(caller.Id, threadId, Ct),
        "GetBefore" => () => Db.Messages.GetBeforeAsync(caller.Id, threadId, null, null, Ct),
        "GetAfter" => () => Db.Messages.GetAfterAsync(caller.Id, threadId, 0, null, Ct),
        "Send" => () => Db.Messages.SendAsync(caller.Id, threadId, "client-1", "let me in", Ct),
        "MarkRead" => () => Db.Settings.MarkReadAsync(caller.Id, threadId, 2, Ct),
        "SetMuted" => () => Db.Settings.SetMutedAsync(caller.Id, threadId, true, Ct),
        "SetNickname" => () => Db.Settings.SetNicknameAsync(caller.Id, threadId, "mine now", Ct),
        "Rename" => () => Db.Groups.RenameAsync(caller.Id, threadId, "Hijacked", Ct),
        "AddMembers" => () => Db.Groups.AddMembersAsync(caller.Id, threadId, [newcomer.UserName], Ct),
        "RemoveMember" => () => Db.Groups.RemoveMemberAsync(caller.Id, threadId, member.UserName, Ct),
        "Leave" => () => Db.Groups.LeaveAsync(caller.Id, threadId, Ct),
        "Post" => () => Db.Messages.PostAsync(caller.Id, threadId, new MessageDraft { ClientMessageId = "client-2", Body = "re", ReplyToId = messageId.ToString() }, Ct),
        "Edit" => () => Db.Changes.EditAsync(caller.Id, threadId, messageId, "rewritten", Ct),
        "Delete" => () => Db.Changes.DeleteAsync(caller.Id, threadId, messageId, Ct),
        "React" => () => Db.Changes.ReactAsync(caller.Id, threadId, messageId, "😀", true, Ct),
        "Unreact" => () => Db.Changes.ReactAsync(caller.Id, threadId, messageId, "👍", false, Ct),
        "GetChangesAfter" => () => Db.Messages.GetChangesAfterAsync(caller.Id, threadId, 0, null, Ct),
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "No such operation."),
    };
}
