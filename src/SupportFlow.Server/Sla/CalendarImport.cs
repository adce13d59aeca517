using Microsoft.EntityFrameworkCore;
using SupportFlow.Data;
using SupportFlow.Server.Jobs;
using SupportFlow.Sla;

namespace SupportFlow.Server.Sla;

/// <summary>
/// Loads holidays and make-up working days from an iCalendar file (e.g. a public holiday feed).
/// All-day events become holidays, one per day they span; an event whose summary contains a
/// make-up keyword (default 班, 补班, 调休上班, make-up, workday) becomes a make-up working day.
/// Existing dates are replaced, others kept.
/// </summary>
public sealed class CalendarImport(SupportFlowDbContext db, TimeProvider clock)
{
    public static readonly string[] DefaultMakeUpKeywords = ["班", "补班", "调休上班", "make-up", "makeup", "workday", "working day"];

    public sealed record Result(int Holidays, int MakeUpWorkingDays);

    public async Task<Result> ImportAsync(string icsText, IReadOnlyCollection<string> makeUpKeywords, CancellationToken ct)
    {
        var calendar = Ical.Net.Calendar.Load(icsText)
            ?? throw new FormatException("The file is not an iCalendar (.ics) file.");
        var days = new Dictionary<DateOnly, CalendarDay>();
        foreach (var e in calendar.Events)
        {
            if (e.DtStart is null)
            {
                continue;
            }

            var summary = e.Summary ?? "";
            var kind = makeUpKeywords.Any(k => summary.Contains(k, StringComparison.OrdinalIgnoreCase))
                ? CalendarDayKind.MakeUpWorkingDay
                : CalendarDayKind.Holiday;
            var first = DateOnly.FromDateTime(e.DtStart.Value);
            var end = e.DtEnd is null ? first.AddDays(1) : DateOnly.FromDateTime(e.DtEnd.Value); // DTEND is exclusive
            for (var day = first; day < end || day == first; day = day.AddDays(1))
            {
                days[day] = new CalendarDay(day, kind, summary.Length > 100 ? summary[..100] : summary);
            }
        }

        var dates = days.Keys.ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.CalendarDays.Where(d => dates.Contains(d.Date)).ExecuteDeleteAsync(ct);
        db.CalendarDays.AddRange(days.Values);
        await db.SaveChangesAsync(ct);
        await SlaSweep.RecomputeOpenTicketsAsync(db, clock.GetUtcNow(), ct);
        await transaction.CommitAsync(ct);
        return new Result(days.Values.Count(d => d.Kind == CalendarDayKind.Holiday),
            days.Values.Count(d => d.Kind == CalendarDayKind.MakeUpWorkingDay));
    }
}
