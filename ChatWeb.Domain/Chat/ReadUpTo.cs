namespace ChatWeb.Domain.Chat;

/// <summary>A member's read watermark rose: they have read the thread up to <see cref="Seq"/>.</summary>
public sealed record ReadUpTo(Guid ThreadId, string UserName, long Seq);
