using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Server.Sla;
using SupportFlow.Server.Web;

namespace SupportFlow.Server.Admin.Pages;

/// <summary>
/// SLA targets per priority and the business calendar (working hours, holidays, make-up
/// working days). The forms build the API's bodies and call the same use-cases (<see cref="SlaAdministration"/>): same checks, same effects
/// (a policy applies to new tickets; a calendar change is picked up by the SLA sweep).
/// </summary>
[Authorize(Policy = WebAuth.Admin)]
public sealed class SlaModel(SupportFlowDbContext db, SlaSettings settings, SlaAdministration sla, UiText text)
    : WebPage
{
    public static readonly string[] Targets = ["firstResponse", "assignment", "update", "resolution"];

    public IReadOnlyList<SlaPolicyBody> Policies { get; private set; } = [];

    public CalendarBody Calendar { get; private set; } = null!;

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public Task<IActionResult> OnPostPolicyAsync(string priority, CancellationToken ct) =>
        AttemptAsync("policy-" + priority, async () =>
        {
            var body = new SlaPolicyBody(null, Target("firstResponse"), Target("assignment"), Target("update"), Target("resolution"));
            await sla.PutPolicyAsync(Actor, priority, body, ct);
            Notice = text.Format("SLA targets of {0} saved; they apply to new tickets.", priority);
            return LocalRedirect("/admin/sla");
        }, () => LoadAsync(ct));

    public Task<IActionResult> OnPostCalendarAsync(CancellationToken ct) =>
        AttemptAsync("calendar", async () =>
        {
            var hours = Enum.GetValues<DayOfWeek>().ToDictionary(d => WireNames.Of(d),
                d => (Posted("hours." + WireNames.Of(d)) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            var body = new CalendarBody(null, hours, null, Days(Posted("holidays")), Days(Posted("makeUpWorkingDays")));
            await sla.PutCalendarAsync(body, ct);
            Notice = text["Business calendar saved."];
            return LocalRedirect("/admin/sla");
        }, () => LoadAsync(ct));

    /// <summary>A target from its amount and unit fields; "none" (or no amount) is no target.</summary>
    private SlaTargetBody? Target(string target)
    {
        var unit = Posted(target + ".unit");
        if (unit is null or "none")
        {
            return null;
        }

        // A non-number reaches the shared check as 0, which it refuses with its own message; so does an unknown unit.
        var amount = int.TryParse(Posted(target + ".amount"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;
        return SlaTargetUnits.Find(unit)?.Body(amount) ?? new SlaTargetBody(null, null, null, null, null);
    }

    /// <summary>One day a line: "2026-10-01 国庆节".</summary>
    private static CalendarDayBody[] Days(string? lines) =>
        [.. (lines ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(' ', 2, StringSplitOptions.TrimEntries))
            .Select(parts => new CalendarDayBody(parts[0], parts.Length > 1 ? parts[1] : null))];

    /// <summary>A target's amount and unit for the form, in the unit the API gives it in.</summary>
    public static (string Amount, string Unit) Of(SlaTargetBody? target) =>
        target is not null && SlaTargetUnits.Of(target) is var (unit, amount)
            ? (amount.ToString(CultureInfo.InvariantCulture), unit.Name)
            : ("", "none");

    private async Task LoadAsync(CancellationToken ct)
    {
        Policies = (await settings.PoliciesAsync(ct)).Values.OrderBy(p => p.Priority).Select(SlaPolicyBody.From).ToList();
        var week = await db.CalendarWorkingWeek.AsNoTracking().SingleOrDefaultAsync(ct);
        var days = await db.CalendarDays.AsNoTracking().ToListAsync(ct);
        Calendar = CalendarBody.From(week, days, await settings.CalendarAsync(ct));
    }
}
