using ChatWeb.Components.Attention;
using ChatWeb.Domain.Chat;
using ChatWeb.Components.Attachments;
using ChatWeb.Domain.Attachments;
using ChatWeb.Domain.Entities;
using ChatWeb.Realtime;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace ChatWeb.Components.Conversation;

/// <summary>
/// Writes messages: Enter sends, Shift+Enter adds a line, blank or over-long text cannot be sent.
/// It re-renders on every keystroke, so it is its own component: typing never re-renders the list.
/// </summary>
public sealed partial class Composer
{
    public const int MaxLength = Message.BodyMaxLength;
    public const int CounterFrom = 3500;

    /// <summary>The hub rate-limits typing notices too; this keeps a fast typist from even trying.</summary>
    public static readonly TimeSpan TypingInterval = TimeSpan.FromSeconds(2);

    private ElementReference textarea;
    private string draft = "";
    private DateTimeOffset lastTypingSent = DateTimeOffset.MinValue;

    [Inject] public required IChatEvents Events { get; init; }

    [Inject] public required TimeProvider Time { get; init; }

    [Inject] public required ILogger<Composer> Logger { get; init; }

    [Inject] public required AttachmentService Attachments { get; init; }

    [Inject] public required ICurrentUserAccessor CurrentUser { get; init; }

    [Parameter, EditorRequired] public Guid ThreadId { get; set; }

    [Parameter, EditorRequired] public ConversationInterop Interop { get; set; } = default!;

    /// <summary>Receives the text to send; the composer has already cleared itself.</summary>
    [Parameter] public EventCallback<string> OnSend { get; set; }

    /// <summary>A group's members: typing "@" offers them (see <see cref="MentionQuery"/>); null offers no one.</summary>
    [Parameter] public IReadOnlyList<ThreadMemberView>? MentionableMembers { get; set; }

    [Parameter] public string MyUserName { get; set; } = "";

    [Parameter] public bool CanMentionHere { get; set; }

    /// <summary>Receives the text and the files, when files go with it (instead of <see cref="OnSend"/>).</summary>
    [Parameter] public EventCallback<ComposedMessage> OnPost { get; set; }

    private PendingUploads uploads = default!;

    /// <summary>Up arrow in an empty composer: edit the reader's last message.</summary>
    [Parameter] public EventCallback OnEditLast { get; set; }

    /// <summary>Esc in the composer (drops the reply being written).</summary>
    [Parameter] public EventCallback OnEscape { get; set; }

    private bool IsTooLong => draft.Length > MaxLength;

    // Files may go without text, once every one has finished uploading.
    private bool CanSend => (!string.IsNullOrWhiteSpace(draft) || uploads.HasReady) && !IsTooLong && !uploads.IsUploading;

    protected override void OnInitialized() =>
        uploads = new PendingUploads(Attachments, ThreadId, async () => (await CurrentUser.GetAsync()).Id, () => InvokeAsync(StateHasChanged), Logger);

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            await Interop.FocusComposerAsync(textarea);
        }
    }

    /// <summary>Puts the caret in the composer (after choosing to reply, or when an edit ends).</summary>
    public Task FocusAsync() => Interop.FocusEditorAsync(textarea);

    /// <summary>The decision to send; app.js only stops the browser inserting the newline (data-enter-sends).</summary>
    internal async Task HandleKeyDownAsync(KeyboardEventArgs e)
    {
        if (HandleMentionKey(e) is { } picking)
        {
            await picking;
            return;
        }
        if (e.Key == "Enter" && !e.ShiftKey && !e.IsComposing)
        {
            await SendAsync();
        }
        else if (e.Key == "ArrowUp" && draft.Length == 0)
        {
            await OnEditLast.InvokeAsync();
        }
        else if (e.Key == "Escape")
        {
            await OnEscape.InvokeAsync();
        }
    }

    private async Task SendAsync()
    {
        if (!CanSend)
        {
            return;
        }
        var body = draft;
        draft = "";
        // A new message gets a fresh typing notice straight away.
        lastTypingSent = DateTimeOffset.MinValue;
        var files = uploads.TakeReady();
        if (files.Count > 0)
        {
            await OnPost.InvokeAsync(new ComposedMessage(body, files));
            return;
        }
        await OnSend.InvokeAsync(body);
    }

    private async Task OnDraftChangedAsync()
    {
        mentions?.Update(draft);
        if (string.IsNullOrWhiteSpace(draft))
        {
            return;
        }
        var now = Time.GetUtcNow();
        if (now - lastTypingSent < TypingInterval)
        {
            return;
        }
        lastTypingSent = now;
        try
        {
            await Events.SendTypingAsync(ThreadId);
        }
        catch (Exception ex)
        {
            // Typing notices are a nicety; a dropped one must never get in the way of writing.
            Logger.LogDebug(ex, "Typing notice for {ThreadId} not sent.", ThreadId);
        }
    }
}
