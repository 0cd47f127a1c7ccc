using ChatWeb.Domain.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatWeb.Domain.Data.Configurations;

internal sealed class MentionConfiguration : IEntityTypeConfiguration<Mention>
{
    public void Configure(EntityTypeBuilder<Mention> builder)
    {
        builder.ToTable("Mentions");
        // Thread, then message: a page's mentions are a prefix seek per message, as its reactions are.
        builder.HasKey(m => new { m.ThreadId, m.MessageId, m.UserId });
        // The owner first (membership's shard key): a person's unread mentions in a thread are the
        // rows above their read mark, one range of this index.
        builder.HasIndex(m => new { m.UserId, m.ThreadId, m.Seq });

        // No foreign key to the message, as for reactions: the writer stores both in one transaction.
        builder.HasOne<ChatThread>().WithMany(t => t.Mentions).HasForeignKey(m => m.ThreadId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
