using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChatWeb.Domain.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Attention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "MentionsHere",
                table: "Messages",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "DesktopNotifications",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<bool>(
                name: "NotificationPreview",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<bool>(
                name: "NotificationSound",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.CreateTable(
                name: "Mentions",
                columns: table => new
                {
                    ThreadId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MessageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    Seq = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Mentions", x => new { x.ThreadId, x.MessageId, x.UserId });
                    table.ForeignKey(
                        name: "FK_Mentions_ThreadMembers_UserId_ThreadId",
                        columns: x => new { x.UserId, x.ThreadId },
                        principalTable: "ThreadMembers",
                        principalColumns: new[] { "OwnerId", "ThreadId" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Mentions_UserId_ThreadId_Seq",
                table: "Mentions",
                columns: new[] { "UserId", "ThreadId", "Seq" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Mentions");

            migrationBuilder.DropColumn(
                name: "MentionsHere",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "DesktopNotifications",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "NotificationPreview",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "NotificationSound",
                table: "AspNetUsers");
        }
    }
}
