using ChatWeb.Domain.Entities;
using Microsoft.AspNetCore.Identity;

namespace ChatWeb.Domain.Chat;

/// <summary>
/// The display-name rules (<see cref="ChatInput.DisplayName"/>) for every way a person is created or
/// changed through Identity: the registration and profile pages, the token API, any later admin page.
/// A valid name is stored in its clean form (NFC, trimmed). A blank one is left for the context to
/// fill from the user name, which Identity already keeps to plain characters.
/// </summary>
public sealed class DisplayNameValidator : IUserValidator<ChatUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<ChatUser> manager, ChatUser user)
    {
        if (string.IsNullOrEmpty(user.DisplayName))
        {
            return Task.FromResult(IdentityResult.Success);
        }
        try
        {
            user.DisplayName = ChatInput.DisplayName(user.DisplayName);
            return Task.FromResult(IdentityResult.Success);
        }
        catch (ChatException refusal)
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "InvalidDisplayName", Description = refusal.Message }));
        }
    }
}
