using System.Net;
using System.Net.Http.Json;
using SupportFlow.IntegrationTests.Infrastructure;

namespace SupportFlow.IntegrationTests.Security;

/// <summary>
/// Anyone can type anyone's address into the public report form: a report from it is never filed
/// under the account that owns the address (issue 20, item 3). Staff still see the address given.
/// </summary>
public sealed class WebFormAccountTests : IAsyncLifetime
{
    private const string Title = "有人冒用我的邮箱? 100% spoof";

    private Desk _desk = null!;

    public async Task InitializeAsync()
    {
        _desk = await Desk.OpenAsync();
        (await _desk.Admin.PutAsJsonAsync("/api/users/alice", new { password = WebSignIn.Password })).EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync() => await _desk.DisposeAsync();

    [Fact]
    public async Task AFormReportGivingAnAccountsAddressStaysOutOfThatAccountsTickets()
    {
        var response = await _desk.App.CreateClient().PostAsync("/forms/report", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = "Mallory 马", ["email"] = "alice@example.com", ["module"] = Desk.SalesModule, ["title"] = Title,
            ["description"] = "This ticket must not appear in Alice's list.", ["website"] = "",
        }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        var mine = await (await _desk.Alice.GetAsync("/api/tickets")).Json(HttpStatusCode.OK);
        Assert.Empty(mine["items"]!.AsArray());
        var page = await (await _desk.App.SignInAsync("alice")).GetStringAsync("/my");
        Assert.DoesNotContain("100% spoof", page, StringComparison.Ordinal);

        var all = await (await _desk.Supervisor.GetAsync("/api/tickets")).Json(HttpStatusCode.OK);
        var ticket = Assert.Single(all["items"]!.AsArray())!;
        Assert.Equal(Title, ticket["title"]!.GetValue<string>());
        Assert.Null(ticket["reporter"]!["login"]);
        Assert.Equal("Mallory 马", ticket["reporter"]!["name"]!.GetValue<string>());
        Assert.Equal("alice@example.com", ticket["reporter"]!["email"]!.GetValue<string>());
    }
}
