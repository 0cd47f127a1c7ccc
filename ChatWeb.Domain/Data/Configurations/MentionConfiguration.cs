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

        // Only members are mentioned, so the key is the member's row: it cascades from the thread and
        // the person through that row alone (one cascade path, as SQL Server requires), and a member's
        // unread mentions are a count over their own row's mentions. No foreign key to the message, as
        // for reactions: the writer stores both in one transaction.
        builder.HasOne(m => m.Member).WithMany(tm => tm.Mentions)
            .HasForeignKey(m => new { m.UserId, m.ThreadId })
            .HasPrincipalKey(tm => new { tm.OwnerId, tm.ThreadId })
            .OnDelete(DeleteBehavior.Cascade);
    }
}
