using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SupportFlow.Data;
using SupportFlow.Routing;
using SupportFlow.Server.Tickets;
using SupportFlow.Server.Users;
using static Microsoft.Playwright.Assertions;

namespace SupportFlow.BrowserTests;

/// <summary>The console's "My team's" queue: the open tickets of every team the engineer is in, and none for someone in no team.</summary>
[Collection(BrowserCollection.Name)]
public sealed class TeamQueueTests(Browser browser)
{
    [Fact]
    public async Task MyTeamsQueueShowsEveryTeamOfTheEngineerAndNothingForSomeoneInNoTeam()
    {
        await SeedAsync();

        var both = await browser.SignInAsync("eng-two");
        await both.GotoAsync("/console?queue=team");
        var queue = both.Locator("#queue");
        await Expect(queue).ToContainTextAsync("Desk phone has no dial tone");
        await Expect(queue).ToContainTextAsync("Laptop does not start");
        await Expect(both.Locator(".export")).ToHaveCountAsync(1);
        await Expect(queue).Not.ToContainTextAsync("Sales orders stuck in the queue");
        await both.Context.CloseAsync();

        // One team: only that team's.
        var systems = await browser.SignInAsync("eng1");
        await systems.GotoAsync("/console?queue=team");
        await Expect(systems.Locator("#queue")).ToContainTextAsync("Sales orders stuck in the queue");
        await Expect(systems.Locator("#queue")).Not.ToContainTextAsync("Desk phone has no dial tone");
        await systems.Context.CloseAsync();

        // No team: an empty queue that says why, not every open ticket.
        var none = await browser.SignInAsync("eng-none");
        await none.GotoAsync("/console?queue=team");
        await Expect(none.Locator("#queue")).ToHaveCountAsync(0);
        await Expect(none.Locator("#empty-queue")).ToContainTextAsync("You are in no team");
        await Expect(none.Locator(".export")).ToHaveCountAsync(0); // nothing to export: no link that would download this page
        await none.Context.CloseAsync();
    }

    /// <summary>Engineers in two teams and in none; one open ticket for each of the teams Voice, Field service and Systems.</summary>
    private async Task SeedAsync()
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        foreach (var (login, name) in new[] { ("eng-two", "Two Teams"), ("eng-none", "No Team") })
        {
            await users.CreateAsync(new UserRequest(login, name, "engineer", BrowserApp.ItDepartment, null, $"{login}@example.com", null, BrowserApp.Password),
                CancellationToken.None);
        }

        var db = scope.ServiceProvider.GetRequiredService<SupportFlowDbContext>();
        var engineer = await db.Users.SingleAsync(u => u.Login == "eng-two");
        var voice = new Team("Voice");
        var field = new Team("Field service");
        voice.Members.Add(engineer);
        field.Members.Add(engineer);
        db.Teams.AddRange(voice, field);
        db.Modules.Add(new Module("Desk phones", "hardware", voice));
        db.Modules.Add(new Module("Laptops", "hardware", field));
        await db.SaveChangesAsync();

        var alice = (await db.Users.Include(u => u.Teams).SingleAsync(u => u.Login == "alice")).ToActor();
        var reception = scope.ServiceProvider.GetRequiredService<TicketReception>();
        foreach (var (title, module) in new[]
                 {
                     ("Desk phone has no dial tone", "Desk phones"), ("Laptop does not start", "Laptops"),
                     ("Sales orders stuck in the queue", BrowserApp.SalesModule),
                 })
        {
            await reception.ReceiveAsync(alice, new CreateTicketRequest(title, "Since this morning.", "2026-05-20T14:10+08:00", null,
                module, "One person", "P3", "portal", null), CancellationToken.None);
        }
    }
}
