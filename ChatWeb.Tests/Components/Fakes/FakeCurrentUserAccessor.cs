using ChatWeb.Realtime;

namespace ChatWeb.Tests.Components.Fakes;

/// <summary>The signed-in user, as a test chooses it.</summary>
public sealed class FakeCurrentUserAccessor : ICurrentUserAccessor
{
    public CurrentUser? User { get; set; }

    public Task<CurrentUser> GetAsync() =>
        User is null ? Task.FromException<CurrentUser>(new InvalidOperationException("No signed-in user.")) : Task.FromResult(User);
}
