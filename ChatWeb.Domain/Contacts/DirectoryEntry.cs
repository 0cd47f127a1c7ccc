namespace ChatWeb.Domain.Contacts;

public sealed record DirectoryEntry(string UserName, string DisplayName, bool IsContact);
