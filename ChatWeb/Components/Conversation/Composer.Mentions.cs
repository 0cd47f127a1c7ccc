using ChatWeb.Components.Attention;
using ChatWeb.Domain.Chat;
using Microsoft.AspNetCore.Components.Web;

namespace ChatWeb.Components.Conversation;

/// <summary>The composer's member picker: "@" opens it, arrows move, Enter or Tab picks, Escape closes (app.js keeps the caret still).</summary>
public sealed partial class Composer
{
    private MentionQuery? mentions;
    private IReadOnlyList<ThreadMemberView>? mentionsFor;

    private string MentionPickerId => $"mention-picker-{ThreadId:N}";

    protected override void OnParametersSet()
    {
        if (!ReferenceEquals(mentionsFor, MentionableMembers))
        {
            mentionsFor = MentionableMembers;
            mentions = MentionableMembers is null ? null : new MentionQuery(new MentionNames(MentionableMembers), MyUserName, CanMentionHere);
            mentions?.Update(draft);
        }
    }

    /// <summary>Null when the key is not the picker's: it then does what it always does.</summary>
    private Task? HandleMentionKey(KeyboardEventArgs e)
    {
        // Keys typed into an input method's composition are the method's own.
        if (mentions?.IsOpen != true || e.IsComposing)
        {
            return null;
        }
        switch (e.Key)
        {
            case "ArrowDown":
                mentions.Move(1);
                return Task.CompletedTask;
            case "ArrowUp":
                mentions.Move(-1);
                return Task.CompletedTask;
            case "Escape":
                mentions.Close();
                return Task.CompletedTask;
            case "Enter" or "Tab" when !e.ShiftKey:
                return PickMentionAsync(mentions.ActiveCandidate!);
            default:
                return null;
        }
    }

    private async Task PickMentionAsync(MentionCandidate candidate)
    {
        if (mentions is null)
        {
            return;
        }
        draft = mentions.Pick(draft, candidate);
        await Interop.FocusComposerAsync(textarea);
    }
}
