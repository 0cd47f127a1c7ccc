namespace ChatWeb.Components.Search;

/// <summary>
/// Asks the circuit's search field to search one conversation ("search in this conversation" in
/// its header). Scoped: one per circuit, so a request reaches only the reader's own page.
/// </summary>
public sealed class SearchRequests
{
    public event Action<SearchScope>? Requested;

    public void SearchIn(Guid threadId, string title) => Requested?.Invoke(new SearchScope(threadId, title));
}
