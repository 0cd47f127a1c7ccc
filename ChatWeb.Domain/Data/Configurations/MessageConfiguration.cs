using ChatWeb.Domain.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatWeb.Domain.Data.Configurations;

internal sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> builder)
    {
        builder.ToTable("Messages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Body).HasMaxLength(Message.BodyMaxLength).IsRequired();
        builder.Property(m => m.ClientMessageId).HasMaxLength(Message.ClientMessageIdMaxLength).IsRequired();

        // History pages and resync are range scans on (thread, seq); the pair is unique so a seq is never given twice.
        builder.HasIndex(m => new { m.ThreadId, m.Seq }).IsUnique();
        // The idempotency key: a sender's retry finds the stored message instead of writing a second one.
        builder.HasIndex(m => new { m.SenderId, m.ClientMessageId }).IsUnique();

        builder.HasOne<ChatThread>().WithMany().HasForeignKey(m => m.ThreadId).OnDelete(DeleteBehavior.Cascade);
        // Messages outlive nothing but their thread: deleting an account is refused while it has messages.
        builder.HasOne(m => m.Sender).WithMany().HasForeignKey(m => m.SenderId).OnDelete(DeleteBehavior.Restrict);
    }
}
