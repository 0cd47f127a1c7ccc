using Bunit;
using ChatWeb.Components.Conversation;
using ChatWeb.Domain.Chat;
using ChatWeb.Realtime;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace ChatWeb.Tests.Components.Conversation;

/// <summary>The shared UI test context, plus what the conversation tests keep reaching for.</summary>
public abstract class ConversationTestContext(TimeProvider? clock = null) : ChatUiTestContext(clock)
{
    protected MessageService Messages => Service<MessageService>();

    protected ConversationService Conversations => Service<ConversationService>();

    protected GroupService Groups => Service<GroupService>();

    /// <summary>A person whose user name (and email) is derived from the display name.</summary>
    protected Task<CurrentUser> AddUserAsync(string displayName) =>
        AddUserAsync($"{displayName.ToLowerInvariant()}@example.com", displayName);

    protected void SignIn(CurrentUser user) => CurrentUser.User = user;

    protected Task<ChatMessage> SendAsync(CurrentUser from, Guid threadId, string body) =>
        Messages.SendAsync(from.Id, threadId, Guid.NewGuid().ToString(), body, Ct);

    /// <summary>The conversation inside the providers the app's layout supplies.</summary>
    protected IRenderedComponent<IComponent> RenderConversation(Guid threadId) => Render(builder =>
    {
        builder.OpenComponent<MudPopoverProvider>(0);
        builder.CloseComponent();
        builder.OpenComponent<ConversationView>(1);
        builder.AddAttribute(2, nameof(ConversationView.ThreadId), threadId);
        builder.CloseComponent();
    });
}
