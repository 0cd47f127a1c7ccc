using ChatWeb.Domain.Administration;

namespace ChatWeb.Realtime;

/// <summary>The person's sign-in stopped being valid (deactivated, password changed): the page must leave.</summary>
public sealed record SignedOutNotice(SessionState State);
