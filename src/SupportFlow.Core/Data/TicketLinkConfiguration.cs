using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SupportFlow.Common;
using SupportFlow.Recurring;
using SupportFlow.Tickets;

namespace SupportFlow.Data;

internal sealed class TicketLinkConfiguration : IEntityTypeConfiguration<TicketLink>
{
    public void Configure(EntityTypeBuilder<TicketLink> link)
    {
        link.HasOne<Ticket>().WithMany().HasForeignKey(l => l.TicketId).OnDelete(DeleteBehavior.Restrict);
        link.HasOne<Ticket>().WithMany().HasForeignKey(l => l.LinkedTicketId).OnDelete(DeleteBehavior.Restrict);
        link.HasIndex(l => new { l.TicketId, l.LinkedTicketId }).IsUnique();
        link.HasIndex(l => l.LinkedTicketId);
        link.Property(l => l.CreatedBy).HasMaxLength(Limits.Login);
    }
}
