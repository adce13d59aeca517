using SupportFlow.Common;
using SupportFlow.Localization;
using SupportFlow.Users;

namespace SupportFlow.Tickets;

// Cross-department tickets (SPEC step 2): one primary responsible department, any number of
// collaborating departments, and vendor contacts who are told. A supervisor coordinates the
// departments; whoever works the ticket may involve a vendor. Each change is a history line.
public sealed partial class Ticket
{
    private readonly List<TicketDepartment> _departments = [];
    private readonly List<TicketVendorContact> _vendorContacts = [];

    /// <summary>The responsible and the collaborating departments; loaded when the ticket is worked on.</summary>
    public IReadOnlyList<TicketDepartment> Departments => _departments;

    /// <summary>The primary responsible department; null until a supervisor names one.</summary>
    public Department? ResponsibleDepartment => _departments.FirstOrDefault(d => d.Responsible)?.Department;

    public IEnumerable<Department> CollaboratingDepartments => _departments.Where(d => !d.Responsible).Select(d => d.Department);

    /// <summary>Loaded when the ticket is worked on.</summary>
    public IReadOnlyList<TicketVendorContact> VendorContacts => _vendorContacts;

    /// <summary>Whether <paramref name="departmentId"/> is the responsible or a collaborating department.</summary>
    public bool Involves(int? departmentId) => departmentId is int id && _departments.Any(d => d.DepartmentId == id);

    /// <summary>
    /// Names the primary responsible department, replacing the previous one; a collaborating
    /// department that becomes responsible stops collaborating.
    /// </summary>
    public void MakeResponsible(Actor actor, DateTimeOffset at, Department department, string? reason)
    {
        EnsureBeingWorked();
        var previous = _departments.FirstOrDefault(d => d.Responsible);
        if (previous?.DepartmentId == department.Id)
        {
            throw new DomainException("{0} is already the responsible department of ticket {1}.", department.Name, Number);
        }

        if (previous is not null)
        {
            _departments.Remove(previous);
        }

        if (_departments.FirstOrDefault(d => d.DepartmentId == department.Id) is { } collaborating)
        {
            Append(at, actor, HistoryAction.Department, HistoryField.CollaboratingDepartment, department.Name, null,
                new Localization.LocalizedMessage("Now the responsible department"),
                isPublic: false);
            collaborating.Responsible = true;
        }
        else
        {
            _departments.Add(new TicketDepartment(department, responsible: true, at));
        }

        Append(at, actor, HistoryAction.Department, HistoryField.ResponsibleDepartment, previous?.Department.Name, department.Name, reason,
            isPublic: false);
        Touch(at);
    }

    public void AddCollaborator(Actor actor, DateTimeOffset at, Department department, string? reason)
    {
        EnsureBeingWorked();
        if (Involves(department.Id))
        {
            throw new DomainException("{0} already works on ticket {1}.", department.Name, Number);
        }

        _departments.Add(new TicketDepartment(department, responsible: false, at));
        Append(at, actor, HistoryAction.Department, HistoryField.CollaboratingDepartment, null, department.Name, reason, isPublic: false);
        Touch(at);
    }

    /// <summary>Takes a department off the ticket, whether responsible or collaborating.</summary>
    public void RemoveDepartment(Actor actor, DateTimeOffset at, Department department, string? reason)
    {
        EnsureBeingWorked();
        var working = _departments.FirstOrDefault(d => d.DepartmentId == department.Id)
            ?? throw new NotFoundException("{0} does not work on ticket {1}.", department.Name, Number);
        _departments.Remove(working);
        Append(at, actor, HistoryAction.Department, working.Responsible ? HistoryField.ResponsibleDepartment : HistoryField.CollaboratingDepartment, department.Name,
            null, reason, isPublic: false);
        Touch(at);
    }

    /// <summary>Involves a vendor contact; the history line is what notifies them (<c>vendorInvolved</c>).</summary>
    public TicketVendorContact InvolveVendor(Actor actor, DateTimeOffset at, VendorContact contact, string? note)
    {
        EnsureBeingWorked();
        if (_vendorContacts.Any(v => string.Equals(v.Email, contact.Email, StringComparison.OrdinalIgnoreCase)))
        {
            throw new DomainException("{0} is already involved in ticket {1}.", contact.Email, Number);
        }

        var involved = new TicketVendorContact(contact, actor.Login, at);
        _vendorContacts.Add(involved);
        Append(at, actor, HistoryAction.Vendor, HistoryField.VendorContact, null, Describe(contact), note, isPublic: false);
        Touch(at);
        return involved;
    }

    public void RemoveVendor(Actor actor, DateTimeOffset at, long vendorContactId)
    {
        EnsureBeingWorked();
        var involved = _vendorContacts.FirstOrDefault(v => v.Id == vendorContactId)
            ?? throw new NotFoundException("Ticket {0} has no vendor contact {1}.", Number, vendorContactId);
        _vendorContacts.Remove(involved);
        Append(at, actor, HistoryAction.Vendor, HistoryField.VendorContact, Describe(involved.Contact), null, null, isPublic: false);
        Touch(at);
    }

    /// <summary>The history's wording of a vendor contact: "Name, Company &lt;email&gt;".</summary>
    public static string Describe(VendorContact contact) => $"{contact.Name}, {contact.Company} <{contact.Email}>";

    private void EnsureBeingWorked()
    {
        if (!TicketTransitions.IsOpen(Status) && Status != TicketStatus.Resolved)
        {
            throw new DomainException(
                "Ticket {0} is {1}: departments and vendor contacts change only while it is worked on.", Number, LocalizedMessage.Wire(Status));
        }
    }
}
