namespace ChatWeb.Bench.Clients;

/// <summary>
/// How a client connects to the chat hub (docs/realtime-api.md). The default is what any script or
/// app gets; the browser's circuit keeps its threads from the messages it receives and asks for no
/// <c>ThreadUpdated</c> on each new message. The relay has no options and ignores them.
/// </summary>
internal sealed record ClientOptions(string Name, string Query)
{
    public static readonly ClientOptions Default = new("default options", "");

    public static readonly ClientOptions Browser = new("browser's option", "?threadUpdatedOnMessage=false");
}
