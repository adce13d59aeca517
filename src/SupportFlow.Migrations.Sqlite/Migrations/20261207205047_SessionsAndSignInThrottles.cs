using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SupportFlow.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SessionsAndSignInThrottles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // SQLite's own DROP COLUMN (3.35+; plain columns, no index or key), not EF Core's table
            // rebuild: the rebuild switches foreign keys off outside the migration's transaction, so a
            // crash half-way leaves Users half-migrated, and every first start warned "partially applied".
            migrationBuilder.Sql("""ALTER TABLE "Users" DROP COLUMN "FailedSignIns";""");
            migrationBuilder.Sql("""ALTER TABLE "Users" DROP COLUMN "LockedOutUntil";""");

            migrationBuilder.AddColumn<string>(
                name: "SecurityStamp",
                table: "Users",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "SignInThrottles",
                columns: table => new
                {
                    Login = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Failures = table.Column<int>(type: "INTEGER", nullable: false),
                    LockedOutUntil = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignInThrottles", x => x.Login);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SignInThrottles");

            migrationBuilder.DropColumn(
                name: "SecurityStamp",
                table: "Users");

            migrationBuilder.AddColumn<int>(
                name: "FailedSignIns",
                table: "Users",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "LockedOutUntil",
                table: "Users",
                type: "INTEGER",
                nullable: true);
        }
    }
}
