using ChatWeb.Domain.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatWeb.Domain.Data.Configurations;

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> builder)
    {
        builder.ToTable("Attachments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.UploaderId).HasMaxLength(450);
        builder.Property(a => a.FileName).HasMaxLength(Attachment.FileNameMaxLength).IsRequired();
        builder.Property(a => a.ContentType).HasMaxLength(Attachment.ContentTypeMaxLength).IsRequired();
        builder.Property(a => a.ClientMessageId).HasMaxLength(Message.ClientMessageIdMaxLength);
        // Two claims racing for one file: the second finds the row changed and is refused, so a file
        // never moves from one acknowledged message to another.
        builder.Property(a => a.ClientMessageId).IsConcurrencyToken();
        builder.Ignore(a => a.HasThumbnail);

        // A message's files, found by its sender and client message id: the messages' own idempotency key.
        builder.HasIndex(a => new { a.UploaderId, a.ClientMessageId });
        // The sweep of files never attached reads the oldest uploads first.
        builder.HasIndex(a => a.UploadedAt);

        builder.HasOne<ChatThread>().WithMany().HasForeignKey(a => a.ThreadId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ChatUser>().WithMany().HasForeignKey(a => a.UploaderId).OnDelete(DeleteBehavior.Restrict);
    }
}
