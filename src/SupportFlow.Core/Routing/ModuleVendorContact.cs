using SupportFlow.Tickets;

namespace SupportFlow.Routing;

/// <summary>
/// A supplier's contact for a module (the printer's maintenance firm, the ERP vendor's support):
/// offered on the module's tickets, and told once someone involves them in one.
/// </summary>
public sealed class ModuleVendorContact
{
    private ModuleVendorContact()
    {
    }

    public ModuleVendorContact(Module module, VendorContact contact)
    {
        Module = module;
        Name = contact.Name;
        Company = contact.Company;
        Email = contact.Email;
    }

    public int Id { get; private set; }

    public int ModuleId { get; private set; }

    public Module Module { get; private set; } = null!;

    public string Name { get; private set; } = "";

    public string Company { get; private set; } = "";

    public string Email { get; private set; } = "";

    public VendorContact Contact => new(Name, Company, Email);
}
