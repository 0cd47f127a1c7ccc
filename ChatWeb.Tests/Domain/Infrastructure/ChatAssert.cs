using ChatWeb.Domain.Chat;
using Xunit;

namespace ChatWeb.Tests.Domain.Infrastructure;

public static class ChatAssert
{
    /// <summary>The operation is refused with the given kind; returns the refusal for further checks.</summary>
    public static async Task<ChatException> RefusedAsync(ChatErrorKind kind, Func<Task> operation)
    {
        var refusal = await Assert.ThrowsAsync<ChatException>(operation);
        Assert.Equal(kind, refusal.Kind);
        Assert.False(string.IsNullOrWhiteSpace(refusal.Message));
        return refusal;
    }

    /// <summary>Not one chat row was added, removed or changed.</summary>
    public static void Unchanged(DatabaseState before, DatabaseState after)
    {
        Assert.Equal((before.Threads, before.Members, before.Messages, before.Contacts, before.Reactions), (after.Threads, after.Members, after.Messages, after.Contacts, after.Reactions));
        Assert.Equal(before.Rows, after.Rows);
    }
}
