using ChatWeb.Domain.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatWeb.Domain.Data.Configurations;

internal sealed class AdminAuditEntryConfiguration : IEntityTypeConfiguration<AdminAuditEntry>
{
    public void Configure(EntityTypeBuilder<AdminAuditEntry> builder)
    {
        builder.ToTable("AdminAudit");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.ActorId).HasMaxLength(450);
        builder.Property(e => e.ActorName).HasMaxLength(AdminAuditEntry.NameMaxLength).IsRequired();
        builder.Property(e => e.TargetId).HasMaxLength(450).IsRequired();
        builder.Property(e => e.TargetUserName).HasMaxLength(AdminAuditEntry.NameMaxLength).IsRequired();
        builder.Property(e => e.Action).HasConversion<string>().HasMaxLength(40);
        // The admin page reads the newest entries first.
        builder.HasIndex(e => e.At);
    }
}
