namespace ChatWeb.Tests.Domain.Infrastructure;

/// <summary>A registered person: services take the id, and name others by user name (their email).</summary>
public sealed record TestUser(string Id, string UserName, string DisplayName);
