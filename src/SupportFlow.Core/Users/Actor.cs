namespace SupportFlow.Users;

/// <summary>Who is doing something: the signed-in user, or the system itself for scheduled work.</summary>
public sealed record Actor(int? UserId, string Login, string Name, Role Role, IReadOnlySet<int> TeamIds)
{
    public static Actor System { get; } = new(null, "system", "SupportFlow", Role.Admin, new HashSet<int>());

    /// <summary>The person's department: its members may work the tickets it collaborates on.</summary>
    public int? DepartmentId { get; init; }

    public bool IsStaff => Role >= Role.Engineer;

    public bool IsSupervisor => Role >= Role.Supervisor;

    public bool IsAdmin => Role >= Role.Admin;
}
