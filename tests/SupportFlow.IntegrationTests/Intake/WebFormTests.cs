using System.Net;
using SupportFlow.IntegrationTests.Infrastructure;

namespace SupportFlow.IntegrationTests.Intake;

/// <summary>The public report form: a customer without an account reports; bots and floods are held off.</summary>
public sealed class WebFormTests : IAsyncLifetime
{
    private Desk _desk = null!;
    private HttpClient _visitor = null!;

    public async Task InitializeAsync()
    {
        var app = new SupportFlowApp();
        app.Settings["SupportFlow:WebForm:PermitPerWindow"] = "4";
        _desk = await Desk.OpenAsync(app);
        _visitor = _desk.App.CreateClient();
    }

    public async Task DisposeAsync() => await _desk.DisposeAsync();

    private static FormUrlEncodedContent Report(string? website = null, string email = "li.lei@customer.example", string title = "发票打印乱码") =>
        new(new Dictionary<string, string>
        {
            ["name"] = "李雷", ["email"] = email, ["phone"] = "138 0000 0000", ["company"] = "Customer Ltd",
            ["module"] = Desk.SalesModule, ["title"] = title, ["description"] = "打印出来的发票中文是乱码。",
            ["impact"] = "Finance cannot send invoices", ["website"] = website ?? "",
        });

    private async Task<int> TicketCountAsync() =>
        (await (await _desk.Supervisor.GetAsync("/api/tickets")).Json(HttpStatusCode.OK))["items"]!.AsArray().Count;

    [Fact]
    public async Task TheFormIsAPlainEmbeddablePageListingTheModules()
    {
        var response = await _visitor.GetAsync("/forms/report?lang=zh-CN");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("报告问题", html, StringComparison.Ordinal);
        Assert.Contains($"<option>{Desk.SalesModule}</option>", html, StringComparison.Ordinal);
        Assert.Contains("name=\"website\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("frame-ancestors *", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACustomerWithoutAnAccountGetsATicketNumber()
    {
        var response = await _visitor.PostAsync("/forms/report", Report());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var page = await (await _desk.Supervisor.GetAsync("/api/tickets")).Json(HttpStatusCode.OK);
        var ticket = Assert.Single(page["items"]!.AsArray())!;
        var number = ticket["number"]!.GetValue<string>();
        Assert.Contains(number, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("发票打印乱码", ticket["title"]!.GetValue<string>());
        Assert.Equal("portal", ticket["channel"]!.GetValue<string>());
        Assert.Null(ticket["reporter"]!["login"]);
        Assert.Equal("李雷", ticket["reporter"]!["name"]!.GetValue<string>());
        Assert.Equal("li.lei@customer.example", ticket["reporter"]!["email"]!.GetValue<string>());
        Assert.Equal("Customer Ltd", ticket["reporter"]!["department"]!.GetValue<string>());
    }

    [Fact]
    public async Task InvalidInputIsShownBesideItsFieldsAndCreatesNothing()
    {
        var response = await _visitor.PostAsync("/forms/report", Report(email: "not-an-address", title: ""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-field=\"email\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"李雷\"", html, StringComparison.Ordinal); // what was typed is kept
        Assert.Equal(0, await TicketCountAsync());

        var noTitle = await _visitor.PostAsync("/forms/report", Report(title: ""));
        Assert.Contains("data-field=\"title\"", await noTitle.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await TicketCountAsync());
    }

    [Fact]
    public async Task ABotFillingTheHoneypotIsThankedAndNothingIsCreated()
    {
        var response = await _visitor.PostAsync("/forms/report", Report(website: "http://spam.example"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, await TicketCountAsync());
    }

    [Fact]
    public async Task OneAddressSendingTooManyReportsIsHeldOff()
    {
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await _visitor.PostAsync("/forms/report", Report(title: $"Report {i}"))).StatusCode);
        }

        var refused = await _visitor.PostAsync("/forms/report", Report(title: "One too many"));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(4, await TicketCountAsync());
    }
}
