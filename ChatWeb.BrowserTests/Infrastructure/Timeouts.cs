namespace ChatWeb.BrowserTests.Infrastructure;

/// <summary>
/// How long to wait before calling something broken. Passing runs never wait this long: every
/// wait ends as soon as its condition holds. The numbers only bound a failure on a busy machine.
/// </summary>
public static class Timeouts
{
    /// <summary>One step: a click, a message arriving, a badge changing.</summary>
    public static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    /// <summary>A page load up to a live circuit: scripts, prerender, then the WebSocket.</summary>
    public static readonly TimeSpan PageLoad = TimeSpan.FromSeconds(40);
}
