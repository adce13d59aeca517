namespace SupportFlow.Sla;

public enum SlaTargetKind
{
    /// <summary>No target (e.g. no update interval for P3/P4).</summary>
    None = 0,

    /// <summary>Elapsed real time, 24x7; the calendar is not consulted.</summary>
    WallClock = 1,

    /// <summary>Business time: only working intervals of the calendar count.</summary>
    BusinessTime = 2,

    /// <summary>Full working days of business hours, see <see cref="BusinessCalendar.AddBusinessDays"/>.</summary>
    BusinessDays = 3,
}
