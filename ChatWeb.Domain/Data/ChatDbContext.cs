using ChatWeb.Domain.Entities;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ChatWeb.Domain.Data;

/// <summary>
/// Identity plus the chat tables, and the Data Protection keys that sign cookies and tokens (kept
/// here so they outlive restarts and every node shares them). Abstract: each provider has a sealed
/// sibling with its own migrations, so the two histories never mix.
/// </summary>
public abstract class ChatDbContext(DbContextOptions options) : IdentityDbContext<ChatUser>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<ChatThread> Threads => Set<ChatThread>();
    public DbSet<ThreadMember> ThreadMembers => Set<ThreadMember>();
    public DbSet<Message> Messages => Set<Message>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<Reaction> Reactions => Set<Reaction>();
    public DbSet<Mention> Mentions => Set<Mention>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<AttachmentBlob> AttachmentBlobs => Set<AttachmentBlob>();
    public DbSet<AdminAuditEntry> AdminAudit => Set<AdminAuditEntry>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ChatDbContext).Assembly);
    }

    /// <summary>
    /// Makes what the current transaction deletes or overwrites unreadable in the database file,
    /// where the provider would otherwise leave it in free space. Nothing to do by default.
    /// </summary>
    internal virtual Task EraseFreedSpaceAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>
    /// Takes a message's stored text out of the provider's search index, in the current transaction,
    /// before its text changes. Nothing to do where the index follows the table by itself.
    /// </summary>
    internal virtual Task UnindexMessageAsync(Guid messageId, CancellationToken ct) => Task.CompletedTask;

    /// <summary>Puts a message's stored text (unless deleted) into the provider's search index, in the current transaction.</summary>
    internal virtual Task IndexMessageAsync(Guid messageId, CancellationToken ct) => Task.CompletedTask;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every timestamp is UTC; the converter restores the kind that providers drop on read.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        FillMissingDisplayNames();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        FillMissingDisplayNames();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    // People registering through the token API give only an email; they still need a name to be shown by.
    private void FillMissingDisplayNames()
    {
        foreach (var entry in ChangeTracker.Entries<ChatUser>())
        {
            var user = entry.Entity;
            if (entry.State is not (EntityState.Added or EntityState.Modified))
            {
                continue;
            }
            if (string.IsNullOrWhiteSpace(user.DisplayName))
            {
                user.DisplayName = DisplayNames.FromUserName(user.UserName ?? user.Email ?? "");
            }
            user.NormalizedDisplayName = user.DisplayName.ToUpperInvariant();
        }
    }
}
