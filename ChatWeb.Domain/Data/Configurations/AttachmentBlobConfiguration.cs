using ChatWeb.Domain.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatWeb.Domain.Data.Configurations;

internal sealed class AttachmentBlobConfiguration : IEntityTypeConfiguration<AttachmentBlob>
{
    public void Configure(EntityTypeBuilder<AttachmentBlob> builder)
    {
        builder.ToTable("AttachmentBlobs");
        // A file's chunks are one prefix seek, in order.
        builder.HasKey(b => new { b.Key, b.Chunk });
        builder.Property(b => b.Key).HasMaxLength(AttachmentBlob.KeyMaxLength);
        builder.Property(b => b.Data).IsRequired();
    }
}
