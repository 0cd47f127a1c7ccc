using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChatWeb.Domain.Migrations.Sqlite
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

            // Hand-written: EF drops a SQLite column by rebuilding the table, which needs
            // "PRAGMA foreign_keys = 0" outside any transaction, so the migration ran in four
            // transactions (and warned): a kill between them left the index dropped but the migration
            // unrecorded, and every later start failed on DROP INDEX. SQLite (3.35+) drops a plain
            // column itself, inside the migration's one transaction. The end schema is the same as the
            // rebuild's, so databases that already applied this migration need nothing.
            migrationBuilder.Sql("ALTER TABLE \"ThreadMembers\" DROP COLUMN \"LastActivityAt\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "LastActivityAt",
                table: "ThreadMembers",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.CreateIndex(
                name: "IX_ThreadMembers_OwnerId_LastActivityAt",
                table: "ThreadMembers",
                columns: new[] { "OwnerId", "LastActivityAt" });
        }
    }
}
