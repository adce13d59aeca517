namespace SupportFlow.Tickets;

/// <summary>Someone at a supplier to be told when a ticket involves their product: no login, only an address.</summary>
public sealed record VendorContact(string Name, string Company, string Email);

/// <summary>
/// A vendor contact involved in one ticket: a copy of name, company and address as they were
/// when added, so the ticket's record stays true when a module's contact list changes.
/// </summary>
public sealed class TicketVendorContact
{
    private TicketVendorContact()
    {
    }

    internal TicketVendorContact(VendorContact contact, string addedBy, DateTimeOffset addedAt)
    {
        Name = contact.Name;
        Company = contact.Company;
        Email = contact.Email;
        AddedBy = addedBy;
        AddedAt = addedAt;
    }

    public long Id { get; private set; }

    public long TicketId { get; private set; }

    public string Name { get; private set; } = "";

    public string Company { get; private set; } = "";

    public string Email { get; private set; } = "";

    /// <summary>The login of who involved them.</summary>
    public string AddedBy { get; private set; } = "";

    public DateTimeOffset AddedAt { get; private set; }

    public VendorContact Contact => new(Name, Company, Email);
}
