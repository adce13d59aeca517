using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using SupportFlow.Data;

#nullable disable

namespace SupportFlow.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// Indexes that let a queue page stop after its 50 rows instead of sorting every match
    /// (EXPLAIN QUERY PLAN in bench/RESULTS.md). <c>sort=slaDue</c> orders by
    /// <c>COALESCE("SlaNextDueAt", max)</c> (tickets without a due time last), so those are
    /// expression indexes, written here in SQL: EF Core's model cannot express them, which is why
    /// this migration changes no model and has no snapshot change. The literal is
    /// <c>DateTimeOffset.MaxValue.UtcTicks</c>, exactly as EF Core writes it into the query.
    /// </summary>
    [DbContext(typeof(SupportFlowDbContext))]
    [Migration("20261125094000_QueueIndexes")]
    public partial class QueueIndexes : Migration
    {
        private static readonly string[] Indexes =
        [
            """CREATE INDEX "IX_Tickets_SlaDue" ON "Tickets" (COALESCE("SlaNextDueAt", 3155378975999999999), "Id")""",
            """CREATE INDEX "IX_Tickets_TeamId_SlaDue" ON "Tickets" ("TeamId", COALESCE("SlaNextDueAt", 3155378975999999999), "Id")""",
            """CREATE INDEX "IX_Tickets_AssigneeId_SlaDue" ON "Tickets" ("AssigneeId", COALESCE("SlaNextDueAt", 3155378975999999999), "Id")""",
            """CREATE INDEX "IX_Tickets_ModuleId_SlaDue" ON "Tickets" ("ModuleId", COALESCE("SlaNextDueAt", 3155378975999999999), "Id")""",
            """CREATE INDEX "IX_Tickets_TeamId_ReceivedAt" ON "Tickets" ("TeamId", "ReceivedAt", "Id")""",
            """CREATE INDEX "IX_Tickets_AssigneeId_ReceivedAt" ON "Tickets" ("AssigneeId", "ReceivedAt", "Id")""",
            """CREATE INDEX "IX_Tickets_ModuleId_ReceivedAt" ON "Tickets" ("ModuleId", "ReceivedAt", "Id")""",
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var index in Indexes)
            {
                migrationBuilder.Sql(index + ";");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var index in Indexes)
            {
                migrationBuilder.Sql("DROP INDEX " + index.Split(' ')[2] + ";");
            }
        }
    }
}
