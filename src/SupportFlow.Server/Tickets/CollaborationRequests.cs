using SupportFlow.Common;
using SupportFlow.Tickets;
using SupportFlow.Users;

namespace SupportFlow.Server.Tickets;

/// <summary>A department to put on a ticket: collaborating, or (<c>responsible: true</c>) the primary responsible one.</summary>
public sealed record TicketDepartmentRequest(string? Department, bool? Responsible, string? Reason)
{
    public (string Department, bool Responsible, string? Reason) Parse()
    {
        var errors = new RequestErrors();
        var department = errors.Required("department", Department, Limits.Name);
        var reason = errors.Optional("reason", Reason, Limits.Reason);
        errors.ThrowIfInvalid();
        return (department, Responsible ?? false, reason);
    }
}

/// <summary>A vendor contact for a module or a ticket; <c>note</c> (tickets only) is told to them as the message.</summary>
public sealed record VendorContactRequest(string? Name, string? Company, string? Email, string? Note = null)
{
    public (VendorContact Contact, string? Note) Parse()
    {
        var errors = new RequestErrors();
        var name = errors.Required("name", Name, Limits.Name);
        var company = errors.Required("company", Company, Limits.Name);
        var email = errors.Required("email", Email, Limits.Email);
        if (email.Length > 0 && !UserFields.LooksLikeEmail(email))
        {
            errors.Add("email", "'{0}' is not an e-mail address.", email);
        }

        var note = errors.Optional("note", Note, Limits.Note);
        errors.ThrowIfInvalid();
        return (new VendorContact(name, company, email), note);
    }
}
