using Microsoft.Extensions.Time.Testing;
using SupportFlow.Routing;
using SupportFlow.Tickets;
using SupportFlow.Users;

namespace SupportFlow.Tests.Tickets;

/// <summary>
/// A small support desk in memory: two teams, a module, two reporters, engineers and a
/// supervisor, with ids set as the database would set them, and a clock that moves on a minute
/// before every step so that each history line has its own time.
/// </summary>
internal sealed class Desk
{
    public const string Number = "20260520-001";

    public Desk()
    {
        Systems = new Team("System engineers").WithId(20);
        Network = new Team("Network").WithId(30);
        Module = new Module("Sales module V3.2", "system", Systems).WithId(7);

        Alice = new User("alice", "Alice Reporter", Role.Reporter, Clock.GetUtcNow()).WithId(1);
        Bob = new User("bob", "Bob Reporter", Role.Reporter, Clock.GetUtcNow()).WithId(2);
        Eve = Member(new User("eve", "Eve Engineer", Role.Engineer, Clock.GetUtcNow()).WithId(3), Systems);
        Erin = Member(new User("erin", "Erin Engineer", Role.Engineer, Clock.GetUtcNow()).WithId(4), Systems);
        Nick = Member(new User("nick", "Nick Network", Role.Engineer, Clock.GetUtcNow()).WithId(5), Network);
        Sam = new User("sam", "Sam Supervisor", Role.Supervisor, Clock.GetUtcNow()).WithId(6);
    }

    /// <summary>Wednesday 2026-05-20 10:00 in Shanghai.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 5, 20, 2, 0, 0, TimeSpan.Zero));

    public Team Systems { get; }

    public Team Network { get; }

    public Module Module { get; }

    public User Alice { get; }

    public User Bob { get; }

    public User Eve { get; }

    public User Erin { get; }

    public User Nick { get; }

    public User Sam { get; }

    public Actor Reporter => Alice.ToActor();

    public Actor Owner => Eve.ToActor();

    public Actor Supervisor => Sam.ToActor();

    /// <summary>The clock after moving it on by a minute.</summary>
    public DateTimeOffset Next()
    {
        Clock.Advance(TimeSpan.FromMinutes(1));
        return Clock.GetUtcNow();
    }

    public TicketIntake Intake(User? reporter = null, DateTimeOffset? receivedAt = null, Priority priority = Priority.P3)
    {
        var who = reporter ?? Alice;
        var received = receivedAt ?? Clock.GetUtcNow();
        return new TicketIntake(
            "Cannot print invoices",
            "The sales module shows an error when printing an invoice.",
            received.AddMinutes(-20),
            received,
            "The whole sales office",
            priority,
            Channel.Portal,
            new ReporterInfo(who.Id, who.Name, "Sales", "+86 21 5555 0101", $"{who.Login}@example.com"));
    }

    /// <summary>A report by Alice (or <paramref name="reporter"/>), entered by themselves through the portal.</summary>
    public Ticket Receive(User? reporter = null)
    {
        var intake = Intake(reporter);
        return Ticket.Receive(Number, intake, Module, (reporter ?? Alice).ToActor(), Clock.GetUtcNow());
    }

    /// <summary>A new ticket walked through the real lifecycle methods until it has <paramref name="status"/>.</summary>
    public Ticket In(TicketStatus status)
    {
        var ticket = Receive();
        switch (status)
        {
            case TicketStatus.New:
                break;
            case TicketStatus.Assigned:
                AssignToEve(ticket);
                break;
            case TicketStatus.InProgress:
                AssignToEve(ticket);
                ticket.Start(Owner, Next());
                break;
            case TicketStatus.Pending:
                AssignToEve(ticket);
                ticket.Start(Owner, Next());
                ticket.Pend(Owner, Next(), PendingReason.Vendor, "Waiting for the vendor's patch");
                break;
            case TicketStatus.Resolved:
                AssignToEve(ticket);
                ticket.Start(Owner, Next());
                Resolve(ticket);
                break;
            case TicketStatus.Closed:
                AssignToEve(ticket);
                ticket.Start(Owner, Next());
                Resolve(ticket);
                ticket.Confirm(Reporter, Next(), resolved: true, "Works again", 5);
                ticket.Close(Owner, Next(), "Printer driver corrupted", "Reinstalled the printer driver");
                break;
            case TicketStatus.Cancelled:
                ticket.Cancel(Supervisor, Next(), "Duplicate of 20260519-004");
                break;
        }

        Assert.Equal(status, ticket.Status);
        return ticket;
    }

    public void AssignToEve(Ticket ticket) => ticket.Assign(Supervisor, Next(), Eve, Systems, "System module");

    public void Resolve(Ticket ticket) =>
        ticket.Resolve(Owner, Next(), "Reinstalled the printer driver", "Printer driver corrupted",
            "Print to PDF", Verification.Remote, "Exported the driver settings");

    private static User Member(User user, Team team)
    {
        user.Teams.Add(team);
        team.Members.Add(user);
        return user;
    }
}

/// <summary>Sets what the database sets: private keys (and, for a stored ticket, its foreign keys).</summary>
internal static class Stored
{
    public static T WithId<T>(this T entity, int id) where T : class => entity.With("Id", id);

    public static Ticket WithId(this Ticket ticket, long id) => ticket.With("Id", id);

    /// <summary>A ticket as it reads back from storage, where EF has filled TeamId from the Team navigation.</summary>
    public static Ticket AsStored(this Ticket ticket) => ticket.With("TeamId", ticket.Team?.Id);

    private static T With<T>(this T entity, string property, object? value) where T : class
    {
        var info = typeof(T).GetProperty(property, System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance)
            ?? throw new InvalidOperationException($"{typeof(T).Name} has no property {property}.");
        info.SetValue(entity, value);
        return entity;
    }
}
