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

        // The thread list is a prefix seek on the key (a user's memberships), sorted by their
        // threads' last message: sending writes no member row but the sender's read mark.
        // Fan-out: the members of a thread.
        builder.HasIndex(m => m.ThreadId);

        builder.HasOne(m => m.Owner).WithMany().HasForeignKey(m => m.OwnerId).OnDelete(DeleteBehavior.Cascade);
    }
}
