using ChatWeb.Domain.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatWeb.Domain.Data.Configurations;

internal sealed class ReactionConfiguration : IEntityTypeConfiguration<Reaction>
{
    public void Configure(EntityTypeBuilder<Reaction> builder)
    {
        builder.ToTable("Reactions");
        // Thread first, as messages are sharded; then the message, so a message's reactions (to show,
        // to count, to erase) are one prefix seek; then emoji, so each chip's people are adjacent.
        // The key makes a reaction idempotent: one row per person, emoji and message.
        builder.HasKey(r => new { r.ThreadId, r.MessageId, r.Emoji, r.UserId });
        builder.Property(r => r.Emoji).HasMaxLength(Reaction.EmojiMaxLength);

        // No foreign key to the message: its (ThreadId, MessageId) pair is not a key of Messages, and
        // the service checks the message under the thread's lock. The thread's cascade erases them with it.
        builder.HasOne<ChatThread>().WithMany().HasForeignKey(r => r.ThreadId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.User).WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
