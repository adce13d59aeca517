using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SupportFlow.Common;
using SupportFlow.Routing;
using SupportFlow.Tickets;

namespace SupportFlow.Data;

internal sealed class TicketDepartmentConfiguration : IEntityTypeConfiguration<TicketDepartment>
{
    public void Configure(EntityTypeBuilder<TicketDepartment> department)
    {
        department.ToTable("TicketDepartments");
        department.HasKey(d => new { d.TicketId, d.DepartmentId });
        // "Which tickets does my department collaborate on" starts from the department.
        department.HasIndex(d => d.DepartmentId);
        department.HasOne(d => d.Department).WithMany().HasForeignKey(d => d.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TicketVendorContactConfiguration : IEntityTypeConfiguration<TicketVendorContact>
{
    public void Configure(EntityTypeBuilder<TicketVendorContact> contact)
    {
        contact.ToTable("TicketVendorContacts");
        contact.HasIndex(c => c.TicketId);
        contact.Property(c => c.Name).HasMaxLength(Limits.Name);
        contact.Property(c => c.Company).HasMaxLength(Limits.Name);
        contact.Property(c => c.Email).HasMaxLength(Limits.Email);
        contact.Property(c => c.AddedBy).HasMaxLength(Limits.Login);
        contact.Ignore(c => c.Contact);
    }
}

internal sealed class ModuleVendorContactConfiguration : IEntityTypeConfiguration<ModuleVendorContact>
{
    public void Configure(EntityTypeBuilder<ModuleVendorContact> contact)
    {
        contact.ToTable("ModuleVendorContacts");
        contact.HasIndex(c => new { c.ModuleId, c.Email }).IsUnique();
        contact.HasOne(c => c.Module).WithMany().HasForeignKey(c => c.ModuleId).OnDelete(DeleteBehavior.Cascade);
        contact.Property(c => c.Name).HasMaxLength(Limits.Name);
        contact.Property(c => c.Company).HasMaxLength(Limits.Name);
        contact.Property(c => c.Email).HasMaxLength(Limits.Email);
        contact.Ignore(c => c.Contact);
    }
}
