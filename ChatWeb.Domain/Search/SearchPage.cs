namespace ChatWeb.Domain.Search;

/// <summary>
/// Up to <see cref="MessageSearchService.PageSize"/> hits, newest first. When <see cref="HasMore"/>,
/// pass <see cref="Next"/> back as <c>before</c> for the next page.
/// </summary>
public sealed record SearchPage(IReadOnlyList<SearchHit> Hits, bool HasMore, string? Next)
{
    public static SearchPage Empty { get; } = new([], false, null);
}
