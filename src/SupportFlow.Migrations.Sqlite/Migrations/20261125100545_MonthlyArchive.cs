using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SupportFlow.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MonthlyArchive : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ArchiveRuns",
                columns: table => new
                {
                    Month = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    ClaimedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ClaimedUntil = table.Column<long>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Tickets = table.Column<int>(type: "INTEGER", nullable: false),
                    ManifestSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArchiveRuns", x => x.Month);
                });

            migrationBuilder.CreateTable(
                name: "PurgeRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 164, nullable: false),
                    Before = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    Months = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Tickets = table.Column<int>(type: "INTEGER", nullable: false),
                    HistoryLines = table.Column<int>(type: "INTEGER", nullable: false),
                    Attachments = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    LastNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PurgeRecords", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PurgeRecords_At",
                table: "PurgeRecords",
                column: "At");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ArchiveRuns");

            migrationBuilder.DropTable(
                name: "PurgeRecords");
        }
    }
}
