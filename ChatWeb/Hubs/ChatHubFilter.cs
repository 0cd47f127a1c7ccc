using ChatWeb.Domain;
using ChatWeb.Domain.Chat;
using Microsoft.AspNetCore.SignalR;

namespace ChatWeb.Hubs;

/// <summary>
/// Every hub call's outcome, logged once. A refusal (a <see cref="ChatException"/> from the domain,
/// a <see cref="HubException"/> such as a malformed id) is answered with its message and logged
/// quietly, without a stack trace: it is the caller's mistake, not the server's. Anything else is a
/// fault: logged at Error with its stack, and answered with a message that gives nothing away.
/// SignalR's own log of failed invocations is switched off in configuration, because it logs every
/// one of these at Error (docs/design-notes.md, "Refusals are not errors").
/// </summary>
internal sealed partial class ChatHubFilter(ILogger<ChatHubFilter> logger) : IHubFilter
{
    public const string UnexpectedErrorMessage = "Something went wrong on the server; it has been logged. Try again.";

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(invocationContext);
        }
        catch (ChatException refusal)
        {
            LogRefusal(invocationContext, refusal.Kind, refusal.Message);
            throw new HubException(refusal.Message);
        }
        catch (HubException refusal)
        {
            LogRefusal(invocationContext, ChatErrorKind.Invalid, refusal.Message);
            throw;
        }
        catch (OperationCanceledException) when (invocationContext.Context.ConnectionAborted.IsCancellationRequested)
        {
            // The caller went away mid-call: nothing to answer and nothing wrong.
            throw;
        }
        catch (Exception fault)
        {
            Failed(logger, fault, invocationContext.HubMethodName, invocationContext.Context.UserIdentifier);
            throw new HubException(UnexpectedErrorMessage);
        }
    }

    /// <summary>A fault while connecting is logged by SignalR with this exception inside; the client only hears that it failed.</summary>
    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        try
        {
            await next(context);
        }
        catch (Exception fault) when (fault is not (HubException or ChatException or OperationCanceledException))
        {
            throw new HubException(UnexpectedErrorMessage, fault);
        }
    }

    private void LogRefusal(HubInvocationContext invocation, ChatErrorKind kind, string message)
    {
        // A flood of "too fast" is the refusal's own point; the rest are worth seeing at the default level.
        var level = kind == ChatErrorKind.TooFast ? LogLevel.Debug : LogLevel.Information;
        Refused(logger, level, invocation.HubMethodName, invocation.Context.UserIdentifier, kind, LogText.Escape(message));
    }

    [LoggerMessage(EventId = 1, Message = "{HubMethod} by {UserId} refused ({Kind}): {Reason}")]
    private static partial void Refused(ILogger logger, LogLevel level, string hubMethod, string? userId, ChatErrorKind kind, string reason);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "{HubMethod} by {UserId} failed.")]
    private static partial void Failed(ILogger logger, Exception exception, string hubMethod, string? userId);
}
