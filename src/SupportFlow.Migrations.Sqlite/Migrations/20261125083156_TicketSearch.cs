using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SupportFlow.Migrations.Sqlite.Migrations
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
                    TicketId = table.Column<long>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", nullable: false),
                    Public = table.Column<string>(type: "TEXT", nullable: false),
                    Internal = table.Column<string>(type: "TEXT", nullable: false)
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

            // The full-text index over the pre-tokenised columns (external content: the tokens are
            // stored once, in TicketSearch). The 'ascii' tokenizer splits only on ASCII spaces and
            // punctuation, so each token SearchTokens made (CJK bigrams included) stays one token.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "TicketSearchIndex" USING fts5(
                    "Title", "Public", "Internal",
                    content='TicketSearch', content_rowid='TicketId', tokenize='ascii');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TicketSearch_Insert" AFTER INSERT ON "TicketSearch" BEGIN
                    INSERT INTO "TicketSearchIndex"(rowid, "Title", "Public", "Internal")
                    VALUES (new."TicketId", new."Title", new."Public", new."Internal");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TicketSearch_Delete" AFTER DELETE ON "TicketSearch" BEGIN
                    INSERT INTO "TicketSearchIndex"("TicketSearchIndex", rowid, "Title", "Public", "Internal")
                    VALUES ('delete', old."TicketId", old."Title", old."Public", old."Internal");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TicketSearch_Update" AFTER UPDATE ON "TicketSearch" BEGIN
                    INSERT INTO "TicketSearchIndex"("TicketSearchIndex", rowid, "Title", "Public", "Internal")
                    VALUES ('delete', old."TicketId", old."Title", old."Public", old."Internal");
                    INSERT INTO "TicketSearchIndex"(rowid, "Title", "Public", "Internal")
                    VALUES (new."TicketId", new."Title", new."Public", new."Internal");
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TABLE "TicketSearchIndex";""");
            migrationBuilder.DropTable(
                name: "TicketSearch");
        }
    }
}
