using Microsoft.EntityFrameworkCore;
using SupportFlow.Tickets;

namespace SupportFlow.Data;

/// <summary>
/// Hands out the next serial of a receiving day. The counter row is incremented inside the
/// caller's transaction, so a failed intake rolls its serial back (no gaps) and two intakes
/// can never read the same value (no duplicates). Only intakes of the same day wait on each
/// other, on that day's row; nothing else is locked.
/// </summary>
public static class TicketNumbers
{
    public static async Task<string> NextAsync(SupportFlowDbContext db, DateOnly day, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A ticket number must be taken inside the transaction that stores the ticket.");
        }

        var key = TicketNumber.CounterKey(day);
        var serials = await db.Database.SqlQuery<int>($"""
            INSERT INTO "TicketDayCounters" ("Day", "LastSerial") VALUES ({key}, 1)
            ON CONFLICT ("Day") DO UPDATE SET "LastSerial" = "TicketDayCounters"."LastSerial" + 1
            RETURNING "LastSerial" AS "Value"
            """).ToListAsync(cancellationToken);
        return TicketNumber.Format(day, serials.Single());
    }
}
