using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChatWeb.Domain.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ProductionKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_Messages",
                table: "Messages");

            migrationBuilder.DropIndex(
                name: "IX_Messages_ThreadId_Seq",
                table: "Messages");

            // Hand-ordered: the clustered index first, so the nonclustered key is built once, on
            // the clustered table, rather than on the heap and again when the table is clustered.
            migrationBuilder.CreateIndex(
                name: "IX_Messages_ThreadId_Seq",
                table: "Messages",
                columns: new[] { "ThreadId", "Seq" },
                unique: true)
                .Annotation("SqlServer:Clustered", true);

            migrationBuilder.AddPrimaryKey(
                name: "PK_Messages",
                table: "Messages",
                column: "Id")
                .Annotation("SqlServer:Clustered", false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_Messages",
                table: "Messages");

            migrationBuilder.DropIndex(
                name: "IX_Messages_ThreadId_Seq",
                table: "Messages");

            migrationBuilder.AddPrimaryKey(
                name: "PK_Messages",
                table: "Messages",
                column: "Id");

            migrationBuilder.CreateIndex(
                name: "IX_Messages_ThreadId_Seq",
                table: "Messages",
                columns: new[] { "ThreadId", "Seq" },
                unique: true);
        }
    }
}
