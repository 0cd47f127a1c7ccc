namespace ChatWeb.Domain.Administration;

public sealed record AdminPeoplePage(IReadOnlyList<AdminPersonView> People, int Page, int PageSize, int TotalCount);
