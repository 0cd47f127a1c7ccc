namespace ChatWeb.Components.Search;

/// <summary>One conversation to search in, with the name the reader knows it by.</summary>
public sealed record SearchScope(Guid ThreadId, string Title);
