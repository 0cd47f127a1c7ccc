using ChatWeb.Domain.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatWeb.Domain.Data.Configurations;

internal sealed class ChatThreadConfiguration : IEntityTypeConfiguration<ChatThread>
{
    public void Configure(EntityTypeBuilder<ChatThread> builder)
    {
        builder.ToTable("Threads");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Title).HasMaxLength(ChatThread.TitleMaxLength);
        builder.Property(t => t.DirectKey).HasMaxLength(2 * 450 + 1);
        builder.Property(t => t.CreatedById).HasMaxLength(450);
        builder.Property(t => t.LastMessagePreview).HasMaxLength(ChatThread.PreviewMaxLength);
        builder.Property(t => t.LastMessageSenderId).HasMaxLength(450);

        // Two people have exactly one direct thread, however often and concurrently it is opened.
        builder.HasIndex(t => t.DirectKey).IsUnique();

        builder.HasMany(t => t.Members).WithOne(m => m.Thread).HasForeignKey(m => m.ThreadId);
    }
}
