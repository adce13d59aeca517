using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using SupportFlow.Data;

#nullable disable

namespace SupportFlow.Migrations.Postgres.Migrations
{
    /// <summary>
    /// The queue indexes of SQLite's QueueIndexes migration, for PostgreSQL: a queue page
    /// (one team's, assignee's or module's tickets by SLA due time or newest first) reads its 50
    /// rows in index order instead of sorting every match. <c>sort=slaDue</c> orders by
    /// <c>COALESCE("SlaNextDueAt", TIMESTAMPTZ 'infinity')</c> (EF Core's translation of
    /// <c>DateTimeOffset.MaxValue</c> on Npgsql), hence expression indexes written in SQL, with no
    /// model or snapshot change.
    /// </summary>
    [DbContext(typeof(SupportFlowDbContext))]
    [Migration("20261125120000_QueueIndexes")]
    public partial class QueueIndexes : Migration
    {
        private static readonly string[] Indexes =
        [
            """CREATE INDEX "IX_Tickets_SlaDue" ON "Tickets" (COALESCE("SlaNextDueAt", TIMESTAMPTZ 'infinity'), "Id")""",
            """CREATE INDEX "IX_Tickets_TeamId_SlaDue" ON "Tickets" ("TeamId", COALESCE("SlaNextDueAt", TIMESTAMPTZ 'infinity'), "Id")""",
            """CREATE INDEX "IX_Tickets_AssigneeId_SlaDue" ON "Tickets" ("AssigneeId", COALESCE("SlaNextDueAt", TIMESTAMPTZ 'infinity'), "Id")""",
            """CREATE INDEX "IX_Tickets_ModuleId_SlaDue" ON "Tickets" ("ModuleId", COALESCE("SlaNextDueAt", TIMESTAMPTZ 'infinity'), "Id")""",
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
