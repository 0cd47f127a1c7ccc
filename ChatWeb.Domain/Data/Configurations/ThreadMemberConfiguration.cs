using ChatWeb.Domain.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatWeb.Domain.Data.Configurations;

internal sealed class ThreadMemberConfiguration : IEntityTypeConfiguration<ThreadMember>
{
    public void Configure(EntityTypeBuilder<ThreadMember> builder)
    {
        builder.ToTable("ThreadMembers");
        // Owner first: membership is sharded by owner, and "my threads" is a prefix seek.
        builder.HasKey(m => new { m.OwnerId, m.ThreadId });
        builder.Property(m => m.Nickname).HasMaxLength(ThreadMember.NicknameMaxLength);

        // The thread list: a user's memberships by last activity.
        builder.HasIndex(m => new { m.OwnerId, m.LastActivityAt });
        // Fan-out: the members of a thread.
        builder.HasIndex(m => m.ThreadId);

        builder.HasOne(m => m.Owner).WithMany().HasForeignKey(m => m.OwnerId).OnDelete(DeleteBehavior.Cascade);
    }
}
