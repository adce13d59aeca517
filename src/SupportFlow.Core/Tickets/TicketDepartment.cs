using SupportFlow.Users;

namespace SupportFlow.Tickets;

/// <summary>
/// A department working on a ticket: the primary responsible one (at most one per ticket) or a
/// collaborating one. Its engineers may log work on the ticket beside the responsible team.
/// </summary>
public sealed class TicketDepartment
{
    private TicketDepartment()
    {
    }

    internal TicketDepartment(Department department, bool responsible, DateTimeOffset addedAt)
    {
        Department = department;
        DepartmentId = department.Id;
        Responsible = responsible;
        AddedAt = addedAt;
    }

    public long TicketId { get; private set; }

    public int DepartmentId { get; private set; }

    public Department Department { get; private set; } = null!;

    /// <summary>The primary responsible department; otherwise collaborating.</summary>
    public bool Responsible { get; internal set; }

    public DateTimeOffset AddedAt { get; private set; }
}
