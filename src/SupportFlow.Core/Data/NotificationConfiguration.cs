using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SupportFlow.Common;
using SupportFlow.Notifications;

namespace SupportFlow.Data;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> message)
    {
        message.ToTable("Outbox");
        message.Property(m => m.Event).HasMaxLength(32);
        message.Property(m => m.Recipient).HasMaxLength(Limits.Email);
        message.Property(m => m.RecipientName).HasMaxLength(Limits.Name);
        message.Property(m => m.Language).HasMaxLength(8);
        message.Property(m => m.Subject).HasMaxLength(1_000);
        message.Property(m => m.Body).HasMaxLength(20_000);
        message.Property(m => m.MessageId).HasMaxLength(100);
        message.Property(m => m.ClaimToken).HasMaxLength(40).IsConcurrencyToken();
        message.Property(m => m.LastError).HasMaxLength(1_000);
        message.HasIndex(m => m.MessageId).IsUnique();
        // The worker looks for pending rows whose time has come; admins list by status.
        message.HasIndex(m => new { m.Status, m.NextAttemptAt });
        message.HasIndex(m => new { m.TicketId, m.Id });
        message.HasOne(m => m.Ticket).WithMany().HasForeignKey(m => m.TicketId).OnDelete(DeleteBehavior.Restrict);
        message.HasOne<Routing.Team>().WithMany().HasForeignKey(m => m.TeamId).OnDelete(DeleteBehavior.SetNull);
        // No foreign key to ChatChannels: SQLite would rebuild the Outbox table to add one; delivery
        // reports an answer whose channel is gone.
    }
}

internal sealed class NotificationTemplateConfiguration : IEntityTypeConfiguration<NotificationTemplate>
{
    public void Configure(EntityTypeBuilder<NotificationTemplate> template)
    {
        template.HasKey(t => new { t.Event, t.Language });
        template.Property(t => t.Language).HasMaxLength(8);
        template.Property(t => t.Subject).HasMaxLength(500);
        template.Property(t => t.Body).HasMaxLength(10_000);
    }
}
