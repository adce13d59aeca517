using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace SupportFlow.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ReviewsAndKnowledgeSnapshot : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The tables of the Reviews and Knowledge migrations, which were made on a branch beside the
            // routing/archive/UI changes: this migration only brings the model snapshot up to date.
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
