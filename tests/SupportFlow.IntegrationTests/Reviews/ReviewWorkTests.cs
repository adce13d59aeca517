using System.Net;
using System.Net.Http.Json;
using SupportFlow.IntegrationTests.Infrastructure;
using SupportFlow.IntegrationTests.Tickets;

namespace SupportFlow.IntegrationTests.Reviews;

/// <summary>A review from meeting to done: cause, category, actions done or accepted; validation and who may do what.</summary>
public sealed class ReviewWorkTests(DeskFixture fixture) : IClassFixture<DeskFixture>
{
    private readonly Desk _desk = fixture.Desk;

    [Fact]
    public async Task AReviewIsDoneOnceItsCauseIsRecordedAndEveryActionIsDoneOrAccepted()
    {
        var id = await _desk.RequestedReviewAsync();
        await TicketTestKit.Ok(_desk.Supervisor.PutAsJsonAsync($"/api/reviews/{id}", new
        {
            meetingAt = "2026-05-21T10:00+08:00",
            participants = new[] { Desk.SupervisorName, Desk.EngineerName, "Vendor engineer / 厂商工程师" },
            rootCause = "The captcha service's clock drifted",
            category = "thirdParty",
        }));
        var video = await _desk.AddActionAsync(id, "eng1", "2026-06-30");
        var monitor = await _desk.AddActionAsync(id, "eng2", "2026-06-15", "Monitor the captcha service's clock");

        var review = await TicketTestKit.Ok(_desk.Engineer.PostAsJsonAsync(
            $"/api/reviews/{id}/actions/{video.Num("id")}/done", new { note = "Video published" }));
        Assert.Equal("open", review.Str("status"));
        Assert.Equal([$"action {monitor.Num("id")}"], review["outstanding"]!.AsArray().Select(o => o!.GetValue<string>()));

        review = await TicketTestKit.Ok(_desk.Supervisor.PostAsJsonAsync(
            $"/api/reviews/{id}/actions/{monitor.Num("id")}/accept", new { note = "The vendor monitors it now" }));

        Assert.Equal("done", review.Str("status"));
        Assert.NotNull(review["doneAt"]);
        Assert.Equal(["done", "accepted"], review["actions"]!.AsArray().Select(a => a.Str("status")));
        Assert.Equal("2026-05-21T10:00:00+08:00", review["meeting"].Str("at"));
        Assert.Equal([Desk.SupervisorName, Desk.EngineerName, "Vendor engineer / 厂商工程师"], review["meeting"]!["participants"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Equal("第三方", review["category"].Str("nameZh"));
        var late = await _desk.Supervisor.PostAsJsonAsync($"/api/reviews/{id}/actions",
            new { description = "One more", owner = "eng1", dueDate = "2026-07-01" });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
    }

    [Fact]
    public async Task OnlyTheOwnerOrASupervisorMarksAnActionDoneAndOnlyASupervisorAcceptsOne()
    {
        var id = await _desk.RequestedReviewAsync();
        var action = await _desk.AddActionAsync(id, "eng1", "2026-06-30");
        var url = $"/api/reviews/{id}/actions/{action.Num("id")}";

        Assert.Equal(HttpStatusCode.Forbidden, (await _desk.OtherEngineer.PostAsJsonAsync($"{url}/done", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await _desk.Engineer.PostAsJsonAsync($"{url}/accept", new { note = "fine as is" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _desk.Alice.PostAsJsonAsync($"{url}/done", new { })).StatusCode);
        await (await _desk.Supervisor.PostAsJsonAsync($"{url}/accept", new { })).FieldError("note");
        Assert.Equal("open", (await _desk.ReviewAsync(id))["actions"]![0].Str("status"));

        await TicketTestKit.Ok(_desk.Engineer.PostAsJsonAsync($"{url}/done", new { }));
        Assert.Equal(HttpStatusCode.Conflict, (await _desk.Engineer.PostAsJsonAsync($"{url}/done", new { })).StatusCode);
        var done = (await _desk.ReviewAsync(id))["actions"]![0]!;
        Assert.Equal("done", done.Str("status"));
        Assert.Equal("eng1", done.Str("closedBy"));
    }

    [Fact]
    public async Task BadReviewInputIsRefusedPerFieldAndChangesNothing()
    {
        var id = await _desk.RequestedReviewAsync();
        var before = await _desk.ReviewAsync(id);

        await (await _desk.Supervisor.PutAsJsonAsync($"/api/reviews/{id}", new { rootCause = "Drift", category = "sunspots" }))
            .FieldError("category");
        await (await _desk.Supervisor.PutAsJsonAsync($"/api/reviews/{id}", new { rootCause = "Drift" })).FieldError("category");
        await (await _desk.Supervisor.PutAsJsonAsync($"/api/reviews/{id}", new { meetingAt = "2026-05-21T10:00+08:00" }))
            .FieldError("participants");
        await (await _desk.Supervisor.PutAsJsonAsync($"/api/reviews/{id}", new { meetingAt = "tomorrow", participants = new[] { "x" } }))
            .FieldError("meetingAt");
        var action = await _desk.Supervisor.PostAsJsonAsync($"/api/reviews/{id}/actions",
            new { description = "", owner = "alice", dueDate = "30/06/2026" });
        var problem = await action.FieldError("dueDate");
        Assert.True(problem["errors"]!.AsObject().ContainsKey("description"));
        await (await _desk.Supervisor.PostAsJsonAsync($"/api/reviews/{id}/actions",
            new { description = "Train the sales team", owner = "alice", dueDate = "2026-06-30" })).FieldError("owner");
        await (await _desk.Supervisor.PostAsJsonAsync($"/api/reviews/{id}/actions",
            new { description = "Train the sales team", owner = "nobody", dueDate = "2026-06-30" })).FieldError("owner");
        Assert.Equal(HttpStatusCode.Forbidden,
            (await _desk.Engineer.PutAsJsonAsync($"/api/reviews/{id}", new { title = "Mine now" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _desk.Supervisor.GetAsync("/api/reviews/99999")).StatusCode);

        var after = await _desk.ReviewAsync(id);
        Assert.Equal(before.ToJsonString(), after.ToJsonString());
    }

    [Fact]
    public async Task CauseCategoriesAreABilingualListThatSupervisorsEdit()
    {
        var categories = await (await _desk.Engineer.GetAsync("/api/reviews/categories")).JsonArray();
        Assert.Equal(["userOperation", "designDefect", "hardwareFault", "configuration", "network", "thirdParty", "other"],
            categories.Take(7).Select(c => c.Str("key")));
        Assert.Equal("硬件故障", categories[2].Str("nameZh"));

        Assert.Equal(HttpStatusCode.Forbidden, (await _desk.Engineer.PostAsJsonAsync("/api/reviews/categories",
            new { key = "powerSupply", nameEn = "Power supply", nameZh = "供电" })).StatusCode);
        await (await _desk.Supervisor.PostAsJsonAsync("/api/reviews/categories",
            new { key = "Power supply!", nameEn = "", nameZh = "供电" })).FieldError("key");
        await (await _desk.Supervisor.PostAsJsonAsync("/api/reviews/categories",
            new { key = "powerSupply", nameEn = "Power supply", nameZh = "供电" })).Json(HttpStatusCode.Created);
        await TicketTestKit.Ok(_desk.Supervisor.PutAsJsonAsync("/api/reviews/categories/powerSupply",
            new { nameZh = "电源供电", active = false }));

        var active = await (await _desk.Engineer.GetAsync("/api/reviews/categories")).JsonArray();
        Assert.DoesNotContain(active, c => c.Str("key") == "powerSupply");
        var all = await (await _desk.Engineer.GetAsync("/api/reviews/categories?all=true")).JsonArray();
        Assert.Equal("电源供电", all.Single(c => c.Str("key") == "powerSupply").Str("nameZh"));
        var id = await _desk.RequestedReviewAsync();
        Assert.Equal(HttpStatusCode.Conflict, (await _desk.Supervisor.PutAsJsonAsync($"/api/reviews/{id}",
            new { rootCause = "Power cut", category = "powerSupply" })).StatusCode);
    }
}
