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
        builder.Property(m => m.DeletedById).HasMaxLength(450);

        // History pages and resync are range scans on (thread, seq); the pair is unique so a seq is never given twice.
        builder.HasIndex(m => new { m.ThreadId, m.Seq }).IsUnique();
        // Catching up on changes is a range scan on (thread, version); unique, as each version is one change.
        builder.HasIndex(m => new { m.ThreadId, m.Version }).IsUnique();
        // The idempotency key: a sender's retry finds the stored message instead of writing a second one.
        builder.HasIndex(m => new { m.SenderId, m.ClientMessageId }).IsUnique();

        builder.HasOne<ChatThread>().WithMany().HasForeignKey(m => m.ThreadId).OnDelete(DeleteBehavior.Cascade);
        // Messages outlive nothing but their thread: deleting an account is refused while it has messages.
        builder.HasOne(m => m.Sender).WithMany().HasForeignKey(m => m.SenderId).OnDelete(DeleteBehavior.Restrict);
        // ReplyToId and DeletedById carry no foreign key: each would need an index of its own, which
        // every send would pay to maintain, to check a removal that never happens (message rows are
        // erased, not removed). The send path checks a reply's target, in its thread, under its lock.
    }
}
