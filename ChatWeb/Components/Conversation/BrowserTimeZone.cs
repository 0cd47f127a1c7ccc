namespace ChatWeb.Components.Conversation;

/// <summary>The reader's time zone as the browser reports it: an IANA id and, as a fallback, today's offset.</summary>
public sealed record BrowserTimeZone(string? Id, int OffsetMinutes);
