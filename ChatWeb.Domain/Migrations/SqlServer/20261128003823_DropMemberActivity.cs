using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChatWeb.Domain.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class DropMemberActivity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ThreadMembers_OwnerId_LastActivityAt",
                table: "ThreadMembers");

            migrationBuilder.DropColumn(
                name: "LastActivityAt",
                table: "ThreadMembers");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "LastActivityAt",
                table: "ThreadMembers",
                type: "datetime2",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.CreateIndex(
                name: "IX_ThreadMembers_OwnerId_LastActivityAt",
                table: "ThreadMembers",
                columns: new[] { "OwnerId", "LastActivityAt" });
        }
    }
}
