using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SupportFlow.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class TicketSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "TicketSearch",
                columns: table => new
                {
                    TicketId = table.Column<long>(type: "bigint", nullable: false),
                    Title = table.Column<string>(type: "text", nullable: false),
                    Public = table.Column<string>(type: "text", nullable: false),
                    Internal = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TicketSearch", x => x.TicketId);
                    table.ForeignKey(
                        name: "FK_TicketSearch_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // GIN indexes over the expressions TicketSearchSql queries (title hits; everything).
            migrationBuilder.Sql("""
                CREATE INDEX "IX_TicketSearch_Title_Vector" ON "TicketSearch"
                USING gin (to_tsvector('simple'::regconfig, "Title"));
                """);
            migrationBuilder.Sql("""
                CREATE INDEX "IX_TicketSearch_Public_Vector" ON "TicketSearch"
                USING gin ((to_tsvector('simple'::regconfig, "Title") || to_tsvector('simple'::regconfig, "Public")));
                """);
            migrationBuilder.Sql("""
                CREATE INDEX "IX_TicketSearch_All_Vector" ON "TicketSearch"
                USING gin ((to_tsvector('simple'::regconfig, "Title") || to_tsvector('simple'::regconfig, "Public")
                    || to_tsvector('simple'::regconfig, "Internal")));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TicketSearch");
        }
    }
}
