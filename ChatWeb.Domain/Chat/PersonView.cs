namespace ChatWeb.Domain.Chat;

/// <summary>A person as others see them. People are named on the wire by user name (their email).</summary>
public sealed record PersonView(string UserName, string DisplayName);
