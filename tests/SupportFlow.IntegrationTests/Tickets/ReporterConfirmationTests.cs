using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using SupportFlow.IntegrationTests.Infrastructure;

namespace SupportFlow.IntegrationTests.Tickets;

/// <summary>
/// The reporter's confirmation over HTTP (issue 21, item 4): the page chooses no answer for the reporter, a rating
/// without "solved or not" is refused with a field message by the page and by the API and changes nothing, and
/// after "Yes" the page and My tickets say it is confirmed instead of waiting, with no Reopen.
/// </summary>
public sealed partial class ReporterConfirmationTests
{
    [Fact]
    public async Task ARatingAloneIsRefusedAndChangesNothingThenYesShowsTheConfirmedState()
    {
        await using var desk = await Desk.OpenAsync();
        var number = await desk.TicketAtAsync(Stage.Resolved);
        var alice = await ConsoleQueueTests.SignInAsync(desk, "alice");
        var before = await desk.StateAsync(number);

        var page = await ConsoleQueueTests.PageAsync(alice, $"/tickets/{number}", HttpStatusCode.OK);
        Assert.DoesNotMatch(CheckedAnswer(), page);
        Assert.True(page.IndexOf("id=\"confirm-form\"", StringComparison.Ordinal) < page.IndexOf("id=\"facts-title\"", StringComparison.Ordinal),
            "the confirm form comes first");

        // The page's form with stars only.
        var refused = await PostAsync(alice, number, page, new() { ["rating"] = "4", ["comment"] = "四星 / four stars" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Matches("data-field=\"resolved\">“Your answer” is required", html);
        Assert.Equal(before, await desk.StateAsync(number));

        // The API's confirm with stars only.
        var problem = await (await desk.Alice.PostAsJsonAsync($"/api/tickets/{number}/confirm", new { rating = 4 })).FieldError("resolved");
        Assert.DoesNotContain("rating", problem["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(before, await desk.StateAsync(number));
        Assert.Null((await desk.GetTicketAsync(number))["rating"]?.GetValue<int?>());

        var confirmed = await PostAsync(alice, number, page, new() { ["resolved"] = "true", ["rating"] = "4" });
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        html = await confirmed.Content.ReadAsStringAsync();
        Assert.Contains("id=\"confirmed\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Waiting for your confirmation", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"reopen\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"confirm-form\"", html, StringComparison.Ordinal);
        Assert.Equal(4, (await desk.GetTicketAsync(number))["rating"]!.GetValue<int>());

        var mine = await ConsoleQueueTests.PageAsync(alice, "/my", HttpStatusCode.OK);
        Assert.Contains("Confirmed, thank you", mine, StringComparison.Ordinal);
        Assert.DoesNotContain("Waiting for your confirmation", mine, StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string number, string page, Dictionary<string, string> fields)
    {
        fields["__csrf"] = WebSignIn.Token(page);
        return client.PostAsync($"/tickets/{number}?handler=Confirm", new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("""name="resolved" value="[^"]*" checked""")]
    private static partial Regex CheckedAnswer();
}
