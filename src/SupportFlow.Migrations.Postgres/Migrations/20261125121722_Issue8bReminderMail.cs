using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SupportFlow.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Issue8bReminderMail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReviewReminders_OwnerId_DeliveredAt",
                table: "ReviewReminders");

            migrationBuilder.DropColumn(
                name: "DeliveredAt",
                table: "ReviewReminders");

            migrationBuilder.AddColumn<long>(
                name: "MailId",
                table: "ReviewReminders",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReviewReminders_MailId",
                table: "ReviewReminders",
                column: "MailId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewReminders_OwnerId",
                table: "ReviewReminders",
                column: "OwnerId");

            migrationBuilder.AddForeignKey(
                name: "FK_ReviewReminders_Outbox_MailId",
                table: "ReviewReminders",
                column: "MailId",
                principalTable: "Outbox",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ReviewReminders_Outbox_MailId",
                table: "ReviewReminders");

            migrationBuilder.DropIndex(
                name: "IX_ReviewReminders_MailId",
                table: "ReviewReminders");

            migrationBuilder.DropIndex(
                name: "IX_ReviewReminders_OwnerId",
                table: "ReviewReminders");

            migrationBuilder.DropColumn(
                name: "MailId",
                table: "ReviewReminders");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DeliveredAt",
                table: "ReviewReminders",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReviewReminders_OwnerId_DeliveredAt",
                table: "ReviewReminders",
                columns: new[] { "OwnerId", "DeliveredAt" });
        }
    }
}
