using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SupportFlow.Common;
using SupportFlow.Tickets;

namespace SupportFlow.Data;

internal sealed class TicketConfiguration : IEntityTypeConfiguration<Ticket>
{
    public void Configure(EntityTypeBuilder<Ticket> ticket)
    {
        ticket.HasIndex(t => t.Number).IsUnique();
        ticket.Property(t => t.Number).HasMaxLength(20);
        ticket.Property(t => t.Title).HasMaxLength(Limits.Title);
        ticket.Property(t => t.Description).HasMaxLength(Limits.Description);
        ticket.Property(t => t.Impact).HasMaxLength(Limits.Impact);
        ticket.Property(t => t.Version).IsConcurrencyToken();
        ticket.OwnsOne(t => t.Reporter, reporter =>
        {
            reporter.Property(r => r.UserId).HasColumnName("ReporterUserId");
            reporter.Property(r => r.Name).HasColumnName("ReporterName").HasMaxLength(Limits.Name);
            reporter.Property(r => r.Department).HasColumnName("ReporterDepartment").HasMaxLength(Limits.Name);
            reporter.Property(r => r.Phone).HasColumnName("ReporterPhone").HasMaxLength(Limits.Phone);
            reporter.Property(r => r.Email).HasColumnName("ReporterEmail").HasMaxLength(Limits.Email);
            reporter.HasIndex(r => r.UserId);
            reporter.HasOne<Users.User>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Restrict);
        });
        ticket.Navigation(t => t.Reporter).IsRequired();
        ticket.HasOne(t => t.Module).WithMany().OnDelete(DeleteBehavior.Restrict);
        ticket.HasOne(t => t.Team).WithMany().OnDelete(DeleteBehavior.Restrict);
        ticket.HasOne(t => t.Assignee).WithMany().OnDelete(DeleteBehavior.Restrict);
        ticket.HasOne<Users.User>().WithMany().HasForeignKey(t => t.RecordedById).OnDelete(DeleteBehavior.Restrict);
        ticket.HasMany(t => t.History).WithOne().HasForeignKey(h => h.TicketId).OnDelete(DeleteBehavior.Restrict);
        ticket.Navigation(t => t.History).UsePropertyAccessMode(PropertyAccessMode.Field);
        ticket.HasMany(t => t.ClockIntervals).WithOne().HasForeignKey(i => i.TicketId).OnDelete(DeleteBehavior.Restrict);
        ticket.Navigation(t => t.ClockIntervals).UsePropertyAccessMode(PropertyAccessMode.Field);
        ticket.HasMany(t => t.SlaEvents).WithOne().HasForeignKey(e => e.TicketId).OnDelete(DeleteBehavior.Restrict);
        ticket.Navigation(t => t.SlaEvents).UsePropertyAccessMode(PropertyAccessMode.Field);
        ticket.HasMany(t => t.Departments).WithOne().HasForeignKey(d => d.TicketId).OnDelete(DeleteBehavior.Cascade);
        ticket.Navigation(t => t.Departments).UsePropertyAccessMode(PropertyAccessMode.Field);
        ticket.HasMany(t => t.VendorContacts).WithOne().HasForeignKey(v => v.TicketId).OnDelete(DeleteBehavior.Cascade);
        ticket.Navigation(t => t.VendorContacts).UsePropertyAccessMode(PropertyAccessMode.Field);
        ticket.Ignore(t => t.ResponsibleDepartment);
        ticket.Ignore(t => t.CollaboratingDepartments);
        ticket.Ignore(t => t.SlaPolicy);
        ticket.Ignore(t => t.SlaTimeline);

        // The list is read newest first, per status and per assignee: keyset paging walks these.
        ticket.HasIndex(t => new { t.ReceivedAt, t.Id });
        ticket.HasIndex(t => new { t.Status, t.ReceivedAt });
        ticket.HasIndex(t => new { t.AssigneeId, t.Status });
        ticket.HasIndex(t => new { t.TeamId, t.Status });
        ticket.HasIndex(t => t.SlaNextEventAt);
        ticket.HasIndex(t => new { t.SlaNextDueAt, t.Id });
    }
}

internal sealed class TicketHistoryConfiguration : IEntityTypeConfiguration<TicketHistoryEntry>
{
    public void Configure(EntityTypeBuilder<TicketHistoryEntry> entry)
    {
        entry.ToTable("TicketHistory");
        entry.HasIndex(e => new { e.TicketId, e.Id });
        // "What is new" reads the lines written since a person last looked.
        entry.HasIndex(e => e.At);
        entry.Property(e => e.ActorLogin).HasMaxLength(Limits.Login);
        entry.Property(e => e.ActorName).HasMaxLength(Limits.Name);
        entry.Property(e => e.Action).HasMaxLength(32);
        entry.Property(e => e.Field).HasMaxLength(32);
        entry.Ignore(e => e.Written);
    }
}

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> attachment)
    {
        attachment.HasIndex(a => a.TicketId);
        attachment.HasOne<Ticket>().WithMany().HasForeignKey(a => a.TicketId).OnDelete(DeleteBehavior.Restrict);
        attachment.Property(a => a.FileName).HasMaxLength(Limits.FileName);
        attachment.Property(a => a.ContentType).HasMaxLength(100);
        attachment.Property(a => a.Sha256).HasMaxLength(64);
        attachment.Property(a => a.StoredAs).HasMaxLength(300);
        attachment.Property(a => a.UploadedBy).HasMaxLength(Limits.Login);
    }
}

internal sealed class TicketDayCounterConfiguration : IEntityTypeConfiguration<TicketDayCounter>
{
    public void Configure(EntityTypeBuilder<TicketDayCounter> counter)
    {
        counter.HasKey(c => c.Day);
        counter.Property(c => c.Day).HasMaxLength(8);
    }
}
