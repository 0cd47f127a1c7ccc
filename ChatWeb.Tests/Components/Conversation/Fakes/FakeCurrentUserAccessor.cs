using ChatWeb.Realtime;

namespace ChatWeb.Tests.Components.Conversation.Fakes;

public sealed class FakeCurrentUserAccessor : ICurrentUserAccessor
{
    public CurrentUser? User { get; set; }

    public Task<CurrentUser> GetAsync() =>
        Task.FromResult(User ?? throw new InvalidOperationException("The test did not sign anyone in."));
}
