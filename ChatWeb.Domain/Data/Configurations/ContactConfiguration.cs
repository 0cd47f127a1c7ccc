using ChatWeb.Domain.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatWeb.Domain.Data.Configurations;

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> builder)
    {
        builder.ToTable("Contacts");
        builder.HasKey(c => new { c.OwnerId, c.ContactId });
        // Presence fan-out asks "who has me as a contact?".
        builder.HasIndex(c => c.ContactId);

        builder.HasOne<ChatUser>().WithMany().HasForeignKey(c => c.OwnerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.ContactUser).WithMany().HasForeignKey(c => c.ContactId).OnDelete(DeleteBehavior.NoAction);
    }
}
