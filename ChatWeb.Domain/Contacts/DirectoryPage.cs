namespace ChatWeb.Domain.Contacts;

/// <summary>One page of the people directory; <see cref="HasMore"/> says whether another page exists.</summary>
public sealed record DirectoryPage(IReadOnlyList<DirectoryEntry> People, int Page, bool HasMore)
{
    public static DirectoryPage Empty(int page) => new([], page, false);
}
