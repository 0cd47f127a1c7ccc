using Microsoft.EntityFrameworkCore;

namespace ChatWeb.Domain.Data;

/// <summary>Hands out the configured provider's context as the abstract <see cref="ChatDbContext"/> services depend on.</summary>
internal sealed class ChatDbContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<ChatDbContext>
    where TContext : ChatDbContext
{
    public ChatDbContext CreateDbContext() => inner.CreateDbContext();

    public async Task<ChatDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await inner.CreateDbContextAsync(cancellationToken);
}
