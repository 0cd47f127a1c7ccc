using ChatWeb.Domain.Administration;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatWeb.Domain.Data.Configurations;

/// <summary>The Admin role exists from the first migration on, so no two nodes race to create it at start-up.</summary>
internal sealed class AdminRoleConfiguration : IEntityTypeConfiguration<IdentityRole>
{
    public void Configure(EntityTypeBuilder<IdentityRole> builder) =>
        builder.HasData(new IdentityRole
        {
            Id = AdminRole.Id,
            Name = AdminRole.Name,
            NormalizedName = AdminRole.Name.ToUpperInvariant(),
            ConcurrencyStamp = "5c1d2f46-4a2b-4f0e-9d3a-0d7c3e9b8a61",
        });
}
