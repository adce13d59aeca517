using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SupportFlow.Search;

namespace SupportFlow.Data;

internal sealed class TicketSearchConfiguration : IEntityTypeConfiguration<TicketSearchDocument>
{
    public void Configure(EntityTypeBuilder<TicketSearchDocument> document)
    {
        // SQLite keeps its FTS5 index in step with AFTER triggers, which RETURNING cannot live with.
        document.ToTable("TicketSearch", table => table.UseSqlReturningClause(false));
        document.HasKey(d => d.TicketId);
        document.Property(d => d.TicketId).ValueGeneratedNever();
        document.HasOne(d => d.Ticket).WithOne().HasForeignKey<TicketSearchDocument>(d => d.TicketId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
