using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SupportFlow.Common;
using SupportFlow.Reviews;

namespace SupportFlow.Data;

internal sealed class ReviewConfiguration : IEntityTypeConfiguration<Review>
{
    public void Configure(EntityTypeBuilder<Review> review)
    {
        review.Property(r => r.Title).HasMaxLength(Limits.Title);
        review.Property(r => r.Reason).HasMaxLength(Limits.Reason);
        review.Ignore(r => r.WrittenReason);
        review.Property(r => r.OpenedBy).HasMaxLength(Limits.Login);
        review.Property(r => r.RootCause).HasMaxLength(Limits.Note);
        review.Property(r => r.Version).IsConcurrencyToken();
        review.HasOne(r => r.Module).WithMany().OnDelete(DeleteBehavior.Restrict);
        review.HasOne(r => r.CauseCategory).WithMany().OnDelete(DeleteBehavior.Restrict);
        review.HasMany(r => r.Tickets).WithOne().HasForeignKey(t => t.ReviewId).OnDelete(DeleteBehavior.Cascade);
        review.Navigation(r => r.Tickets).UsePropertyAccessMode(PropertyAccessMode.Field);
        review.HasMany(r => r.Actions).WithOne().HasForeignKey(a => a.ReviewId).OnDelete(DeleteBehavior.Cascade);
        review.Navigation(r => r.Actions).UsePropertyAccessMode(PropertyAccessMode.Field);
        review.HasIndex(r => new { r.Status, r.OpenedAt });
        review.HasIndex(r => new { r.ModuleId, r.Trigger, r.Status });
    }
}

internal sealed class ReviewTicketConfiguration : IEntityTypeConfiguration<ReviewTicket>
{
    public void Configure(EntityTypeBuilder<ReviewTicket> link)
    {
        link.HasKey(l => new { l.ReviewId, l.TicketId });
        link.HasIndex(l => l.TicketId);
        link.HasOne(l => l.Ticket).WithMany().HasForeignKey(l => l.TicketId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PreventiveActionConfiguration : IEntityTypeConfiguration<PreventiveAction>
{
    public void Configure(EntityTypeBuilder<PreventiveAction> action)
    {
        action.ToTable("PreventiveActions");
        action.Property(a => a.Description).HasMaxLength(Limits.Reason);
        action.Property(a => a.ClosedBy).HasMaxLength(Limits.Login);
        action.Property(a => a.ClosingNote).HasMaxLength(Limits.Reason);
        action.HasOne(a => a.Owner).WithMany().HasForeignKey(a => a.OwnerId).OnDelete(DeleteBehavior.Restrict);
        action.HasIndex(a => new { a.Status, a.DueAt });
        action.HasIndex(a => new { a.OwnerId, a.Status });
    }
}

internal sealed class ReviewReminderConfiguration : IEntityTypeConfiguration<ReviewReminder>
{
    public void Configure(EntityTypeBuilder<ReviewReminder> reminder)
    {
        reminder.Property(r => r.Message).HasMaxLength(Limits.Reason + 200);
        reminder.HasOne(r => r.Action).WithMany().HasForeignKey(r => r.ActionId).OnDelete(DeleteBehavior.Cascade);
        reminder.HasOne<Users.User>().WithMany().HasForeignKey(r => r.OwnerId).OnDelete(DeleteBehavior.Restrict);

        // Each reminder once, also when two nodes sweep at the same moment.
        reminder.HasIndex(r => new { r.ActionId, r.Kind, r.DueAt }).IsUnique();
        reminder.HasIndex(r => r.OwnerId);
        reminder.HasOne(r => r.Mail).WithMany().HasForeignKey(r => r.MailId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class CauseCategoryConfiguration : IEntityTypeConfiguration<CauseCategory>
{
    public void Configure(EntityTypeBuilder<CauseCategory> category)
    {
        category.HasIndex(c => c.Key).IsUnique();
        category.Property(c => c.Key).HasMaxLength(Limits.Name);
        category.Property(c => c.NameEn).HasMaxLength(Limits.Name);
        category.Property(c => c.NameZh).HasMaxLength(Limits.Name);
        category.HasData(CauseCategory.Defaults.Select(d => new { d.Id, d.Key, NameEn = d.En, NameZh = d.Zh, IsActive = true }));
    }
}
