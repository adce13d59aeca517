using System.Net;
using System.Net.Http.Json;
using SupportFlow.IntegrationTests.Infrastructure;
using SupportFlow.IntegrationTests.Tickets;

namespace SupportFlow.IntegrationTests.Recurring;

/// <summary>Linking tickets, and merging a duplicate into the ticket that is worked on.</summary>
public sealed class DuplicateTests(DeskFixture fixture) : IClassFixture<DeskFixture>
{
    private readonly Desk _desk = fixture.Desk;

    [Fact]
    public async Task MergingADuplicateCarriesEveryHistoryEntryAndItsReporterIntoTheSurvivorForStaffOnly()
    {
        var survivor = await _desk.TicketAtAsync(Stage.InProgress);
        var duplicate = await _desk.TicketAtAsync(Stage.Assigned, _desk.Bob);
        await TicketTestKit.Ok(_desk.Bob.Act(duplicate, "comment", new { message = "第三台电脑也登不上" }));
        await TicketTestKit.Ok(_desk.Engineer.Act(duplicate, "worklog", new { text = "Same captcha error", method = "remote" }));
        var before = await _desk.HistoryAsync(duplicate);
        var survivorBefore = await _desk.HistoryAsync(survivor);

        var merged = await TicketTestKit.Ok(_desk.Engineer.PostAsJsonAsync($"/api/tickets/{duplicate}/merge", new { into = survivor }));

        Assert.Equal(survivor, merged.Str("number"));
        var cancelled = await _desk.GetTicketAsync(duplicate);
        Assert.Equal("cancelled", cancelled.Str("status"));
        Assert.Contains($"Duplicate of {survivor}", cancelled.Str("cancelReason"), StringComparison.Ordinal);

        // The duplicate's history is only appended to; staff see every line of it on the survivor, and the reporter.
        var after = await _desk.HistoryAsync(duplicate);
        Assert.Equal(before.Select(h => h!.ToJsonString()), after.Take(before.Count).Select(h => h!.ToJsonString()));
        var survivorAfter = await _desk.HistoryAsync(survivor);
        Assert.Equal(survivorBefore.Select(h => h!.ToJsonString()), survivorAfter.Take(survivorBefore.Count).Select(h => h!.ToJsonString()));
        var carried = survivorAfter.Where(h => h!["mergedFrom"]?.GetValue<string>() == duplicate).ToList();
        Assert.Equal(after.Select(Line), carried.Select(Line));
        Assert.Contains(carried, h => h!["note"]?.GetValue<string>() == "第三台电脑也登不上");
        Assert.All(carried, h => Assert.False(h!["public"]!.GetValue<bool>()));
        var mergeLine = survivorAfter.Single(h => h.Str("action") == "merge");
        Assert.Equal(duplicate, mergeLine.Str("newValue"));
        Assert.Contains(Desk.BobName, mergeLine.Str("note"), StringComparison.Ordinal);
        Assert.False(mergeLine!["public"]!.GetValue<bool>());

        var links = await (await _desk.Engineer.GetAsync($"/api/tickets/{survivor}/links")).JsonArray();
        Assert.Contains(links, l => l.Str("kind") == "duplicatedBy" && l.Str("ticket") == duplicate);
        Assert.Equal(HttpStatusCode.Conflict,
            (await _desk.Engineer.PostAsJsonAsync($"/api/tickets/{duplicate}/merge", new { into = survivor })).StatusCode);
    }

    [Fact]
    public async Task AfterAMergeNeitherReporterReadsTheOthersTicketButTheDuplicatesReporterIsPointedToTheSurvivor()
    {
        var survivor = await _desk.TicketAtAsync(Stage.InProgress, _desk.Bob);
        var duplicate = await _desk.TicketAtAsync(Stage.Assigned);
        await TicketTestKit.Ok(_desk.Alice.Act(duplicate, "comment", new { message = "第三台电脑也登不上" }));

        await TicketTestKit.Ok(_desk.Engineer.PostAsJsonAsync($"/api/tickets/{duplicate}/merge", new { into = survivor }));

        // Bob, the survivor's reporter, sees his own ticket's lines only: nothing of Alice's text or contacts.
        var bobSees = await (await _desk.Bob.GetAsync($"/api/tickets/{survivor}/history")).JsonArray();
        Assert.NotEmpty(bobSees);
        Assert.DoesNotContain(bobSees, h => h!["mergedFrom"] is not null || h.Str("action") == "merge");
        var bobText = string.Join("\n", bobSees.Select(h => h!.ToJsonString())
            .Append((await (await _desk.Bob.GetAsync($"/api/tickets/{survivor}")).Json(HttpStatusCode.OK)).ToJsonString()));
        foreach (var secret in new[] { "第三台电脑", "alice@example.com", "Alice", duplicate })
        {
            Assert.DoesNotContain(secret, bobText, StringComparison.Ordinal);
        }

        // Staff see them on the survivor.
        var staffSees = await _desk.HistoryAsync(survivor);
        Assert.Contains(staffSees, h => h!["note"]?.GetValue<string>() == "第三台电脑也登不上" && h!["mergedFrom"]?.GetValue<string>() == duplicate);
        Assert.Contains(staffSees, h => h.Str("action") == "merge" && h.Str("note").Contains("alice@example.com", StringComparison.Ordinal));

        // Alice keeps her own ticket, cancelled with a public pointer to the survivor's number, and cannot open Bob's.
        Assert.Contains(duplicate, await _desk.Alice.AllNumbersAsync(""));
        var alicesTicket = await (await _desk.Alice.GetAsync($"/api/tickets/{duplicate}")).Json(HttpStatusCode.OK);
        Assert.Equal("cancelled", alicesTicket.Str("status"));
        var aliceSees = await (await _desk.Alice.GetAsync($"/api/tickets/{duplicate}/history")).JsonArray();
        Assert.Contains(aliceSees, h => h!["field"]?.GetValue<string>() == "cancelReason"
                                        && h.Str("newValue").Contains($"Duplicate of {survivor}", StringComparison.Ordinal));
        Assert.Contains(aliceSees, h => h!["note"]?.GetValue<string>() == "第三台电脑也登不上");
        Assert.Equal(HttpStatusCode.NotFound, (await _desk.Alice.GetAsync($"/api/tickets/{survivor}")).StatusCode);
    }

    private static string Line(System.Text.Json.Nodes.JsonNode? h) =>
        $"{h.Str("at")}|{h.Str("action")}|{h!["field"]}|{h["oldValue"]}|{h["newValue"]}|{h["note"]}|{h["actor"]!["login"]}";

    [Fact]
    public async Task MergingIntoAClosedTicketOrWithoutWorkingBothIsRefusedAndChangesNothing()
    {
        var closed = await _desk.TicketAtAsync(Stage.Closed);
        var duplicate = await _desk.TicketAtAsync(Stage.Assigned, _desk.Bob);
        var state = await _desk.StateAsync(duplicate);

        var refused = await (await _desk.Engineer.PostAsJsonAsync($"/api/tickets/{duplicate}/merge", new { into = closed }))
            .Problem(HttpStatusCode.Conflict);
        Assert.Contains($"{closed} is closed", refused.Str("detail"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await _desk.OtherEngineer.PostAsJsonAsync($"/api/tickets/{duplicate}/merge", new { into = closed })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await _desk.Bob.PostAsJsonAsync($"/api/tickets/{duplicate}/merge", new { into = closed })).StatusCode);
        await (await _desk.Engineer.PostAsJsonAsync($"/api/tickets/{duplicate}/merge", new { into = "20990101-001" })).FieldError("into");

        Assert.Equal(state, await _desk.StateAsync(duplicate));
    }

    [Fact]
    public async Task ALinkIsShownOnBothTicketsWithItsInverse()
    {
        var outage = await _desk.TicketAtAsync(Stage.InProgress);
        var effect = await _desk.TicketAtAsync(Stage.New);

        await (await _desk.Engineer.PostAsJsonAsync($"/api/tickets/{effect}/links", new { kind = "causedBy", ticket = outage }))
            .Json(HttpStatusCode.Created);

        var fromEffect = await (await _desk.Engineer.GetAsync($"/api/tickets/{effect}/links")).JsonArray();
        Assert.Equal(("causedBy", outage), (fromEffect.Single().Str("kind"), fromEffect.Single().Str("ticket")));
        var fromOutage = await (await _desk.Engineer.GetAsync($"/api/tickets/{outage}/links")).JsonArray();
        Assert.Equal(("causes", effect), (fromOutage.Single().Str("kind"), fromOutage.Single().Str("ticket")));
        Assert.Contains(await _desk.HistoryAsync(outage), h => h.Str("action") == "link");
        await (await _desk.Engineer.PostAsJsonAsync($"/api/tickets/{effect}/links", new { kind = "sameAs", ticket = outage }))
            .FieldError("kind");
        Assert.Equal(HttpStatusCode.Conflict,
            (await _desk.Engineer.PostAsJsonAsync($"/api/tickets/{outage}/links", new { kind = "related", ticket = effect })).StatusCode);
    }
}
