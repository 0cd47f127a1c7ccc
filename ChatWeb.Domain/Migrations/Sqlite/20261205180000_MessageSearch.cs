using ChatWeb.Domain.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChatWeb.Domain.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MessageSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Hand-written: EF Core has no operation for an FTS5 table. An external-content index over
            // Messages (the words only; the text stays in Messages, by rowid), folding case and
            // accents, with prefix indexes for the last word as it is typed. secure-delete removes a
            // deleted or edited message's words from the index itself; rebuild indexes the messages
            // already stored.
            migrationBuilder.Sql(
                $"""
                CREATE VIRTUAL TABLE "{SqliteSearchSyntax.Table}" USING fts5(
                    "Body", content='Messages', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2', prefix='2 3');
                INSERT INTO "{SqliteSearchSyntax.Table}"("{SqliteSearchSyntax.Table}", rank) VALUES ('secure-delete', 1);
                INSERT INTO "{SqliteSearchSyntax.Table}"("{SqliteSearchSyntax.Table}") VALUES ('rebuild');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"""DROP TABLE "{SqliteSearchSyntax.Table}";""");
        }
    }
}
