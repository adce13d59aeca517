using System.Globalization;
using SupportFlow.Data;
using SupportFlow.Routing;
using SupportFlow.Users;

namespace SupportFlow.DataGen;

/// <summary>The people and routing of the generated desk: 5 teams of 5 engineers, 20 modules, 2 supervisors, 3,000 reporters.</summary>
public sealed record DeskPeople(List<Team> Teams, List<Module> Modules, Dictionary<int, List<User>> Engineers, List<User> Supervisors,
    List<User> Reporters)
{
    private static readonly string[] TeamNames = ["Systems", "Hardware", "Network", "Applications", "Service Desk"];
    private static readonly string[] DepartmentNames = ["Sales", "Finance", "Warehouse", "R&D", "HR", "IT"];

    public static async Task<DeskPeople> CreateAsync(SupportFlowDbContext db, DateTimeOffset createdAt)
    {
        var departments = DepartmentNames.Select(n => new Department(n)).ToList();
        db.Departments.AddRange(departments);
        var teams = TeamNames.Select(n => new Team(n)).ToList();
        db.Teams.AddRange(teams);
        var modules = TicketTexts.Systems.Select((name, i) => new Module(name, i % 2 == 0 ? "system" : "hardware", teams[i % teams.Count])).ToList();
        db.Modules.AddRange(modules);
        var engineers = new Dictionary<Team, List<User>>();
        foreach (var team in teams)
        {
            engineers[team] = [];
            for (var k = 1; k <= 5; k++)
            {
                var login = $"{team.Name.ToLowerInvariant().Replace(' ', '-')}-{k}";
                var engineer = new User(login, $"{team.Name} engineer {k}", Role.Engineer, createdAt) { Department = departments[^1] };
                engineer.Teams.Add(team);
                engineers[team].Add(engineer);
            }
        }

        var supervisors = Enumerable.Range(1, 2).Select(k =>
        {
            var supervisor = new User($"sup{k}", $"主管 {k}", Role.Supervisor, createdAt) { Department = departments[^1] };
            supervisor.Teams.AddRange(teams);
            return supervisor;
        }).ToList();
        var reporters = Enumerable.Range(1, 3000).Select(k => new User(
            "user" + k.ToString("0000", CultureInfo.InvariantCulture), k % 3 == 0 ? $"Reporter {k}" : $"员工{k}", Role.Reporter, createdAt)
        {
            Department = departments[k % (departments.Count - 1)],
            Email = $"user{k}@example.com",
            Phone = (1000 + k).ToString(CultureInfo.InvariantCulture),
        }).ToList();
        db.Users.AddRange(engineers.Values.SelectMany(e => e).Concat(supervisors).Concat(reporters));
        await db.SaveChangesAsync();
        await db.Entry(modules[0]).Reference(m => m.Team).LoadAsync();
        return new DeskPeople(teams, modules, engineers.ToDictionary(p => p.Key.Id, p => p.Value), supervisors, reporters);
    }
}
