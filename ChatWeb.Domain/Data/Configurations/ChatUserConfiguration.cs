using ChatWeb.Domain.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatWeb.Domain.Data.Configurations;

internal sealed class ChatUserConfiguration : IEntityTypeConfiguration<ChatUser>
{
    public void Configure(EntityTypeBuilder<ChatUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(ChatUser.DisplayNameMaxLength).IsRequired();
        builder.Property(u => u.NormalizedDisplayName).HasMaxLength(ChatUser.DisplayNameMaxLength).IsRequired();
        // The people directory seeks by name prefix; email prefix uses Identity's EmailIndex.
        builder.HasIndex(u => u.NormalizedDisplayName);
    }
}
