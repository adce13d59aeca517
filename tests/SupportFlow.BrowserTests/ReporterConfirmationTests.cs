using Microsoft.Extensions.DependencyInjection;
using SupportFlow.Data;
using SupportFlow.Server.Tickets;
using static Microsoft.Playwright.Assertions;

namespace SupportFlow.BrowserTests;

/// <summary>
/// The reporter's confirmation (issue 21, item 4), at 1280 and at 390x844: the confirm form is the first thing on
/// the page, nothing is chosen for them, a rating alone is refused beside the question, and "Yes" with stars
/// leaves a thank-you state instead of "Waiting for your confirmation" and a Reopen button. My tickets fits a phone.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReporterConfirmationTests(Browser browser)
{
    [Theory]
    [InlineData(false, "en-US", "Thank you: you confirmed the problem is solved", "Confirmed, thank you")]
    [InlineData(true, "zh-CN", "谢谢：您已确认问题已解决", "已确认，谢谢")]
    public async Task AReporterConfirmsFromTheTopOfThePageAndSeesTheConfirmedState(bool phone, string locale, string thanks, string listed)
    {
        var number = await ResolvedTicketAsync(phone ? "手机 Phone: 打印机卡纸 paper jam" : "Desktop: 打印机卡纸 paper jam");
        var alice = await browser.SignInAsync("alice", locale, phone);
        await alice.GotoAsync($"/tickets/{number}");

        var form = alice.Locator("#confirm-form");
        await Expect(form).ToBeVisibleAsync();
        var formTop = (await form.BoundingBoxAsync())!.Y;
        Assert.True(formTop < (await alice.Locator("#facts-title").BoundingBoxAsync())!.Y, "the confirm form comes before the ticket's facts");
        Assert.True(formTop < 844, $"the confirm form starts {formTop} px down");
        await Expect(alice.Locator("#confirm-form input[type=radio]:checked")).ToHaveCountAsync(0);

        // Stars without an answer: refused beside the question, nothing recorded.
        await alice.Locator("label[for=rating-4]").ClickAsync();
        await alice.Locator("#confirm-form button[type=submit]").ClickAsync();
        await Expect(alice.Locator("#confirm-resolved-error")).ToBeVisibleAsync();
        await Expect(alice.Locator("#confirm-resolved-error")).ToContainTextAsync(phone ? "“您的答复”" : "“Your answer”");
        await Expect(alice.Locator("#ticket-rating")).ToHaveCountAsync(0);
        await Expect(alice.Locator("#confirm-form input[name=resolved]:checked")).ToHaveCountAsync(0);

        await alice.Locator("label[for=confirm-resolved-0]").ClickAsync();
        await alice.Locator("label[for=rating-4]").ClickAsync();
        await alice.Locator("#confirm-form button[type=submit]").ClickAsync();
        await Expect(alice.Locator("#confirmed")).ToContainTextAsync(thanks);
        await Expect(alice.Locator("#ticket-rating")).ToHaveTextAsync("★★★★☆");
        await Expect(alice.Locator("#confirm-form")).ToHaveCountAsync(0);
        await Expect(alice.Locator("#reopen")).ToHaveCountAsync(0);
        await Expect(alice.Locator("main")).Not.ToContainTextAsync(phone ? "等待您确认" : "Waiting for your confirmation");
        await ConsoleSearchTests.NoSidewaysScrollAsync(alice);

        await alice.GotoAsync("/my");
        await Expect(alice.Locator($"#my-tickets tr[data-number='{number}']")).ToContainTextAsync(listed);
        await ConsoleSearchTests.NoSidewaysScrollAsync(alice);
        Assert.True(await alice.Locator("#my-tickets").EvaluateAsync<bool>("t => t.closest('.table-wrap').scrollWidth <= t.closest('.table-wrap').clientWidth"),
            "My tickets scrolls sideways");
        await alice.Context.CloseAsync();
    }

    /// <summary>A ticket of alice's that eng1 resolved.</summary>
    private async Task<string> ResolvedTicketAsync(string title)
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SupportFlowDbContext>();
        var reception = scope.ServiceProvider.GetRequiredService<TicketReception>();
        var actions = scope.ServiceProvider.GetRequiredService<TicketActions>();
        var ticket = await reception.ReceiveAsync(await ConsoleSearchTests.ActorAsync(db, "alice"), new CreateTicketRequest(title,
            "每页都卡纸 / jams on every page", "2026-05-20T14:10+08:00", null, BrowserApp.Printer, "会议室无法打印", "P3", "portal", null),
            CancellationToken.None);
        var engineer = await ConsoleSearchTests.ActorAsync(db, "eng1");
        await actions.AssignAsync(await ConsoleSearchTests.ActorAsync(db, "sup1"), ticket.Number, new AssignRequest("eng1", null, null),
            CancellationToken.None);
        await actions.StartAsync(engineer, ticket.Number, CancellationToken.None);
        await actions.ResolveAsync(engineer, ticket.Number, new ResolveRequest("Cleaned the rollers", "Worn rollers", null, "onsite", null),
            CancellationToken.None);
        return ticket.Number;
    }
}
