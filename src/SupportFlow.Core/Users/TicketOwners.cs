namespace SupportFlow.Users;

/// <summary>
/// Who may own tickets and preventive actions: active staff. Roles are stored as their names, so a database
/// compares them as text, not by rank ("Reporter" sorts after "Engineer", "Admin" before it): a query names the
/// staff roles instead of writing <c>Role &gt;= Role.Engineer</c>.
/// </summary>
public static class TicketOwners
{
    private static readonly Role[] StaffRoles = [.. Enum.GetValues<Role>().Where(r => r >= Role.Engineer)];

    public static IQueryable<User> WhoCanOwnTickets(this IQueryable<User> users) =>
        users.Where(u => u.IsActive && StaffRoles.Contains(u.Role));
}
