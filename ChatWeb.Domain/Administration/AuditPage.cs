namespace ChatWeb.Domain.Administration;

public sealed record AuditPage(IReadOnlyList<AuditEntryView> Entries, int Page, int PageSize, int TotalCount);
