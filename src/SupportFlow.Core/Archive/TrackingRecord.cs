using System.Globalization;
using SupportFlow.Common;
using SupportFlow.Sla;
using SupportFlow.Tickets;

namespace SupportFlow.Archive;

/// <summary>
/// One row of the seed template's tracking record (问题追踪记录表) for one ticket, every value as
/// text the way a spreadsheet shows it: times in the organisation's zone, enums by wire name.
/// </summary>
public sealed record TrackingRecord(IReadOnlyList<string?> Values)
{
    private const string TimeFormat = "yyyy-MM-dd HH:mm:ss";

    /// <param name="ticket">With Module, Team, Assignee and ClockIntervals loaded.</param>
    /// <param name="sla">The ticket's SLA state at archive time.</param>
    /// <param name="org">Times are shown in the organisation's zone.</param>
    public static TrackingRecord From(Ticket ticket, SlaStatus sla, OrganizationTime org)
    {
        var values = new string?[TrackingColumns.All.Count];
        var i = 0;
        void Add(string? value) => values[i++] = value;

        Add(ticket.Number);
        Add(Time(ticket.ReceivedAt, org));
        Add(Time(ticket.OccurredAt, org));
        Add(ticket.Reporter.Name);
        Add(ticket.Reporter.Department);
        Add(string.Join(" ", new[] { ticket.Reporter.Phone, ticket.Reporter.Email }.Where(v => !string.IsNullOrEmpty(v))));
        Add(WireNames.Of(ticket.Channel));
        Add(ticket.Title);
        Add(ticket.Module.Name);
        Add(ticket.Description);
        Add(ticket.Impact);
        Add(ticket.Priority.ToString());
        Add(ticket.Assignee?.Name);
        Add(ticket.Team?.Name);
        Add(WireNames.Of(ticket.Status));
        foreach (var (_, state) in SlaTargets.Named(sla))
        {
            Add(Time(state.DueAt, org));
            Add(Time(state.MetAt, org));
            Add(state.Applies ? Bool(state.Breached) : null);
        }

        Add(ticket.Cause);
        Add(ticket.Workaround);
        Add(ticket.Solution);
        Add(ticket.ConfirmationComment);
        Add(Time(ticket.ConfirmedAt, org));
        Add(ticket.Rating?.ToString(CultureInfo.InvariantCulture));
        Add(ticket.ReopenCount.ToString(CultureInfo.InvariantCulture));
        Add(Time(ticket.ClosedAt, org));
        Add(ticket.ClosedAt is null ? null : Bool(ticket.ClosedWithoutConfirmation));
        Add(ticket.CancelReason);
        return new TrackingRecord(values);
    }

    public static string? Time(DateTimeOffset? time, OrganizationTime org) =>
        org.Local(time)?.ToString(TimeFormat, CultureInfo.InvariantCulture);

    private static string Bool(bool value) => value ? "true" : "false";
}
