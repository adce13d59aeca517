using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SupportFlow.Common;
using SupportFlow.Sla;
using SupportFlow.Tickets;

namespace SupportFlow.Data;

/// <summary>An SLA target is stored as "kind:amount" (e.g. "wallClock:15"), or "none".</summary>
internal sealed class SlaTargetConverter() : ValueConverter<SlaTarget, string>(
    target => target.IsNone ? "none" : WireNames.Of(target.Kind) + ":" + target.Amount.ToString(CultureInfo.InvariantCulture),
    text => Parse(text))
{
    private static SlaTarget Parse(string text)
    {
        var parts = text.Split(':');
        return parts.Length == 2 && WireNames.TryParse<SlaTargetKind>(parts[0], out var kind)
            ? SlaTarget.Create(kind, int.Parse(parts[1], CultureInfo.InvariantCulture))
            : SlaTarget.None;
    }
}

internal sealed class StoredSlaPolicyConfiguration : IEntityTypeConfiguration<StoredSlaPolicy>
{
    public void Configure(EntityTypeBuilder<StoredSlaPolicy> policy)
    {
        policy.ToTable("SlaPolicies");
        policy.HasKey(p => p.Priority);
        policy.Property(p => p.UpdatedBy).HasMaxLength(Limits.Login);
    }
}

internal sealed class StoredWorkingWeekConfiguration : IEntityTypeConfiguration<StoredWorkingWeek>
{
    public void Configure(EntityTypeBuilder<StoredWorkingWeek> week)
    {
        week.ToTable("CalendarWorkingWeek");
        week.Property(w => w.Id).ValueGeneratedNever();
    }
}

internal sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarDay> day)
    {
        day.ToTable("CalendarDays");
        day.HasKey(d => d.Date);
        day.Property(d => d.Name).HasMaxLength(Limits.Name);
    }
}

internal sealed class StoredSlaEscalationConfiguration : IEntityTypeConfiguration<StoredSlaEscalation>
{
    public void Configure(EntityTypeBuilder<StoredSlaEscalation> escalation)
    {
        escalation.ToTable("SlaEscalations");
        escalation.HasIndex(e => e.Name).IsUnique();
        escalation.Property(e => e.Name).HasMaxLength(Limits.Name);
        escalation.Property(e => e.Notify).HasMaxLength(Limits.Name);
    }
}

internal sealed class TicketClockIntervalConfiguration : IEntityTypeConfiguration<TicketClockInterval>
{
    public void Configure(EntityTypeBuilder<TicketClockInterval> interval)
    {
        interval.ToTable("TicketClockIntervals");
        interval.HasIndex(i => i.TicketId);
    }
}

internal sealed class TicketSlaEventConfiguration : IEntityTypeConfiguration<TicketSlaEvent>
{
    public void Configure(EntityTypeBuilder<TicketSlaEvent> slaEvent)
    {
        slaEvent.ToTable("TicketSlaEvents");
        slaEvent.HasIndex(e => new { e.TicketId, e.Target, e.Level, e.DueAt }).IsUnique();
        slaEvent.HasIndex(e => new { e.Level, e.At });
        slaEvent.Property(e => e.Target).HasMaxLength(32);
        slaEvent.Property(e => e.Level).HasMaxLength(Limits.Name + 16);
    }
}

internal sealed class TicketEscalationConfiguration : IEntityTypeConfiguration<TicketEscalation>
{
    public void Configure(EntityTypeBuilder<TicketEscalation> escalation)
    {
        escalation.ToTable("TicketEscalations");
        escalation.HasIndex(e => new { e.TicketId, e.Level }).IsUnique();
        escalation.Property(e => e.Level).HasMaxLength(Limits.Name);
        escalation.Property(e => e.Notify).HasMaxLength(Limits.Name);
        escalation.HasOne(e => e.Ticket).WithMany().HasForeignKey(e => e.TicketId).OnDelete(DeleteBehavior.Restrict);
    }
}
