using SupportFlow.Tickets;

namespace SupportFlow.Sla;

/// <summary>An admin's SLA policy for one priority; a priority without a row uses SPEC's defaults.</summary>
public sealed class StoredSlaPolicy
{
    private StoredSlaPolicy()
    {
    }

    public StoredSlaPolicy(Priority priority) => Priority = priority;

    public Priority Priority { get; private set; }

    public SlaTarget FirstResponse { get; set; }

    public SlaTarget Assignment { get; set; }

    public SlaTarget Update { get; set; }

    public SlaTarget Resolution { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = "";

    public SlaPolicy ToPolicy() => new(Priority, FirstResponse, Assignment, Update, Resolution);
}

/// <summary>The weekly working hours (one row): per weekday a list like "09:00-12:00,13:30-18:00".</summary>
public sealed class StoredWorkingWeek
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    public string Monday { get; set; } = "";

    public string Tuesday { get; set; } = "";

    public string Wednesday { get; set; } = "";

    public string Thursday { get; set; } = "";

    public string Friday { get; set; } = "";

    public string Saturday { get; set; } = "";

    public string Sunday { get; set; } = "";

    /// <summary>Hours of make-up working days; empty means the Monday hours.</summary>
    public string MakeUpDays { get; set; } = "";
}

public enum CalendarDayKind
{
    Holiday,
    MakeUpWorkingDay,
}

/// <summary>A holiday or a make-up working day (调休), loaded by the admin: no country's dates ship with SupportFlow.</summary>
public sealed class CalendarDay
{
    private CalendarDay()
    {
    }

    public CalendarDay(DateOnly date, CalendarDayKind kind, string? name)
    {
        Date = date;
        Kind = kind;
        Name = name;
    }

    public DateOnly Date { get; private set; }

    public CalendarDayKind Kind { get; private set; }

    public string? Name { get; private set; }
}

/// <summary>A stored escalation level.</summary>
public sealed class StoredSlaEscalation
{
    public int Id { get; private set; }

    public string Name { get; set; } = "";

    public int AfterBreachMinutes { get; set; }

    /// <summary>The target's wire form (<see cref="EscalationTarget"/>).</summary>
    public string Notify { get; set; } = "";

    public SlaEscalation ToEscalation() =>
        new(Name, TimeSpan.FromMinutes(AfterBreachMinutes), EscalationTarget.FromStored(Notify));
}
