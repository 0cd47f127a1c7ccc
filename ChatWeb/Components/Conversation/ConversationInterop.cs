using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace ChatWeb.Components.Conversation;

/// <summary>
/// The conversation's JS module (ConversationView.razor.js), imported once per open conversation
/// and shared by its parts. Calls made while the browser is going away are dropped quietly: the
/// circuit is about to end and there is nothing to tell. A script error is logged, never fatal:
/// without the helpers the conversation still works, only less smoothly (no auto-scroll, no focus
/// on the composer).
/// </summary>
public sealed class ConversationInterop(IJSRuntime js, ILogger logger) : IAsyncDisposable
{
    // Co-located with the component, so App.razor needs no extra script tag.
    private const string ModulePath = "./Components/Conversation/ConversationView.razor.js";

    private Task<IJSObjectReference>? module;

    public Task FocusComposerAsync(ElementReference textarea) =>
        InvokeModuleAsync<object?>("focusComposer", textarea);

    /// <summary>Focuses a message being edited, the caret after its text.</summary>
    public Task FocusEditorAsync(ElementReference textarea) =>
        InvokeModuleAsync<object?>("focusEditor", textarea);

    public Task<IJSObjectReference?> AttachScrollerAsync<T>(ElementReference scroller, DotNetObjectReference<T> callbacks)
        where T : class =>
        InvokeModuleAsync<IJSObjectReference?>("attachScroller", scroller, callbacks);

    /// <summary>Calls a method of an attached helper (see the module).</summary>
    public async Task CallAsync(IJSObjectReference? handle, string method, params object?[] args)
    {
        if (handle is null)
        {
            return;
        }
        try
        {
            await handle.InvokeVoidAsync(method, args);
        }
        catch (JSException ex)
        {
            logger.LogWarning(ex, "Conversation script call {Method} failed.", method);
        }
        catch (Exception ex) when (IsBrowserGone(ex))
        {
        }
    }

    /// <summary>Detaches a helper's listeners and releases its reference.</summary>
    public async Task ReleaseAsync(IJSObjectReference? handle)
    {
        await CallAsync(handle, "dispose");
        if (handle is null)
        {
            return;
        }
        try
        {
            await handle.DisposeAsync();
        }
        catch (Exception ex) when (IsBrowserGone(ex))
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (module is { IsCompletedSuccessfully: true } loaded)
        {
            try
            {
                await loaded.Result.DisposeAsync();
            }
            catch (Exception ex) when (IsBrowserGone(ex))
            {
            }
        }
    }

    private async Task<TResult?> InvokeModuleAsync<TResult>(string identifier, params object?[] args)
    {
        try
        {
            module ??= js.InvokeAsync<IJSObjectReference>("import", ModulePath).AsTask();
            var loaded = await module;
            return loaded is null ? default : await loaded.InvokeAsync<TResult>(identifier, args);
        }
        catch (JSException ex)
        {
            logger.LogWarning(ex, "Conversation script {Identifier} failed.", identifier);
            return default;
        }
        catch (Exception ex) when (IsBrowserGone(ex))
        {
            return default;
        }
    }

    private static bool IsBrowserGone(Exception ex) =>
        ex is JSDisconnectedException or TaskCanceledException or ObjectDisposedException;
}
