using ChatWeb.Domain.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatWeb.Domain.Data.Configurations;

internal sealed class ChatUserConfiguration : IEntityTypeConfiguration<ChatUser>
{
    public void Configure(EntityTypeBuilder<ChatUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(ChatUser.DisplayNameMaxLength).IsRequired();
        // The people directory searches by name prefix.
        builder.HasIndex(u => u.DisplayName);
    }
}
