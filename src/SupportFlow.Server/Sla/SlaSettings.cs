using Microsoft.EntityFrameworkCore;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Sla;
using SupportFlow.Tickets;

namespace SupportFlow.Server.Sla;

/// <summary>
/// The SLA configuration in force: policies (SPEC's defaults for priorities the admin has not
/// changed), the business calendar in the organisation's zone, and escalation levels. Read from
/// the database once per request or job run, so every node sees an admin's change at once.
/// </summary>
public sealed class SlaSettings(SupportFlowDbContext db, OrganizationTime org)
{
    private IReadOnlyDictionary<Priority, SlaPolicy>? _policies;
    private BusinessCalendar? _calendar;
    private IReadOnlyList<SlaEscalation>? _escalations;

    public async Task<IReadOnlyDictionary<Priority, SlaPolicy>> PoliciesAsync(CancellationToken ct)
    {
        if (_policies is null)
        {
            var stored = await db.SlaPolicies.AsNoTracking().ToDictionaryAsync(p => p.Priority, p => p.ToPolicy(), ct);
            _policies = Enum.GetValues<Priority>().ToDictionary(p => p, p => stored.GetValueOrDefault(p) ?? SlaPolicy.Defaults[p]);
        }

        return _policies;
    }

    public async Task<SlaPolicy> PolicyAsync(Priority priority, CancellationToken ct) => (await PoliciesAsync(ct))[priority];

    public async Task<BusinessCalendar> CalendarAsync(CancellationToken ct)
    {
        if (_calendar is null)
        {
            var week = await db.CalendarWorkingWeek.AsNoTracking().SingleOrDefaultAsync(ct);
            var days = await db.CalendarDays.AsNoTracking().ToListAsync(ct);
            _calendar = CalendarFrom(week, days, org.Zone);
        }

        return _calendar;
    }

    public async Task<IReadOnlyList<SlaEscalation>> EscalationsAsync(CancellationToken ct) =>
        _escalations ??= (await db.SlaEscalations.AsNoTracking().OrderBy(e => e.AfterBreachMinutes).ToListAsync(ct))
            .Select(e => e.ToEscalation()).ToList();

    /// <summary>Records due SLA events on the ticket and refreshes its next due times.</summary>
    public async Task<IReadOnlyList<TicketSlaEvent>> ApplyAsync(Ticket ticket, DateTimeOffset now, CancellationToken ct) =>
        ticket.ApplySla(await CalendarAsync(ct), await EscalationsAsync(ct), now);

    public static BusinessCalendar CalendarFrom(StoredWorkingWeek? week, IEnumerable<CalendarDay> days, TimeZoneInfo zone)
    {
        var calendar = BusinessCalendar.Default(zone);
        if (week is not null)
        {
            foreach (var (day, hours) in WorkingWeek.Days(week))
            {
                calendar = calendar.WithHours(day, WorkingWeek.Parse(hours));
            }

            if (week.MakeUpDays.Length > 0)
            {
                calendar = calendar.WithMakeUpDayHours(WorkingWeek.Parse(week.MakeUpDays));
            }
        }

        var list = days.ToList();
        return calendar
            .WithHolidays(list.Where(d => d.Kind == CalendarDayKind.Holiday).Select(d => d.Date))
            .WithMakeUpWorkingDays(list.Where(d => d.Kind == CalendarDayKind.MakeUpWorkingDay).Select(d => d.Date));
    }
}

/// <summary>The stored week: per weekday a comma list of "HH:mm-HH:mm".</summary>
public static class WorkingWeek
{
    public static IEnumerable<(DayOfWeek Day, string Hours)> Days(StoredWorkingWeek week) =>
    [
        (DayOfWeek.Monday, week.Monday), (DayOfWeek.Tuesday, week.Tuesday), (DayOfWeek.Wednesday, week.Wednesday),
        (DayOfWeek.Thursday, week.Thursday), (DayOfWeek.Friday, week.Friday), (DayOfWeek.Saturday, week.Saturday),
        (DayOfWeek.Sunday, week.Sunday),
    ];

    public static WorkingHours[] Parse(string hours) =>
        [.. hours.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(WorkingHours.Parse)];

    public static string Format(IEnumerable<WorkingHours> hours) => string.Join(",", hours.Select(h => h.ToString()));
}
