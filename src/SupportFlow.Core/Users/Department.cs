namespace SupportFlow.Users;

/// <summary>An organisational unit reporters belong to and tickets are the responsibility of.</summary>
public sealed class Department
{
    private Department()
    {
    }

    public Department(string name) => Name = name;

    public int Id { get; private set; }

    public string Name { get; set; } = "";
}
