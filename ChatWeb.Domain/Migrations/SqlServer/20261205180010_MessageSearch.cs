using ChatWeb.Domain.Data.SqlServer;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChatWeb.Domain.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class MessageSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Hand-written: the full-text catalog and index on Messages.Body, only where the server has
            // full-text search installed (otherwise the app searches with LIKE and says so at start-up).
            // Full-text statements cannot run inside a transaction; each is guarded, so running this
            // again after an interruption completes it. The index fills itself from existing messages.
            migrationBuilder.Sql(SqlServerFullText.CreateText, suppressTransaction: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SqlServerFullText.DropText, suppressTransaction: true);
        }
    }
}
