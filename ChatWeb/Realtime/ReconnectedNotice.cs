namespace ChatWeb.Realtime;

/// <summary>
/// The live connection came back after a drop (or a server restart). Events sent meanwhile were
/// missed: each view fetches what it lacks, e.g. messages after its last seq.
/// </summary>
public sealed record ReconnectedNotice;
