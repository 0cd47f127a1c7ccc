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
        // People who had accounts before the setting existed share receipts, as new accounts do. The
        // sentinel is the entity's own initial value: a new person is written with the database's
        // default unless they turned it off before the first save.
        builder.Property(u => u.ShareReadReceipts).HasDefaultValue(true).HasSentinel(true);
        // Notification settings, on for everyone who had an account before they existed, as for new ones.
        builder.Property(u => u.DesktopNotifications).HasDefaultValue(true).HasSentinel(true);
        builder.Property(u => u.NotificationSound).HasDefaultValue(true).HasSentinel(true);
        builder.Property(u => u.NotificationPreview).HasDefaultValue(true).HasSentinel(true);
        // The people directory seeks by name prefix; email prefix uses Identity's EmailIndex.
        builder.HasIndex(u => u.NormalizedDisplayName);
    }
}
