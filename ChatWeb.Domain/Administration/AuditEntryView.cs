using ChatWeb.Domain.Entities;

namespace ChatWeb.Domain.Administration;

/// <summary>One line of the audit log: who did what to whom, and when.</summary>
public sealed record AuditEntryView(DateTime At, string Actor, AdminAction Action, string Target);
