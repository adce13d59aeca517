using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SupportFlow.Data;
using SupportFlow.Routing;
using SupportFlow.Server.Tickets;
using SupportFlow.Tickets;
using static Microsoft.Playwright.Assertions;

namespace SupportFlow.BrowserTests;

/// <summary>
/// On the console's ticket page a supervisor adds a collaborating department and the engineer
/// involves the module's vendor with one click; both show on the page, in either language.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CrossDepartmentTests(Browser browser)
{
    [Fact]
    public async Task ASupervisorAddsADepartmentAndTheEngineerInvolvesTheModulesVendorInChinese()
    {
        var number = await ReportWithVendorAsync("张三", "zhang@printers.example");
        var lead = await browser.SignInAsync("sup1", "zh-CN");
        await lead.GotoAsync($"/tickets/{number}");
        await Expect(lead.Locator("#collaboration-title")).ToHaveTextAsync("协作部门与供应商");
        await lead.Locator("#department summary").ClickAsync();
        await lead.Locator("#department button[type=submit]").ClickAsync(); // no department chosen
        await Expect(lead.Locator("[data-field=department]")).ToBeVisibleAsync();
        await Expect(lead.Locator("#collaborating-departments")).ToHaveTextAsync("—");
        await lead.Locator("#department-department").SelectOptionAsync(BrowserApp.FinanceDepartment);
        await lead.Locator("#department-reason").FillAsync("发票模块由财务协助测试");
        await lead.Locator("#department button[type=submit]").ClickAsync();
        await Expect(lead.Locator("#collaborating-departments")).ToHaveTextAsync(BrowserApp.FinanceDepartment);
        await Expect(lead.Locator("#timeline")).ToContainTextAsync("协作部门");

        var engineer = await browser.SignInAsync("eng1", "zh-CN");
        await engineer.GotoAsync($"/tickets/{number}");
        await engineer.Locator("button", new() { HasText = "联系 张三 (ACME Printers)" }).ClickAsync();
        await Expect(engineer.Locator("#vendor-contacts")).ToContainTextAsync("zhang@printers.example");
        await Expect(engineer.Locator("#timeline")).ToContainTextAsync("张三, ACME Printers <zhang@printers.example>");
        await Browser.ScreenshotAsync(engineer, "ticket-collaboration-zh");
    }

    [Fact]
    public async Task AVendorWithoutAnAddressIsRefusedNextToTheFieldInEnglish()
    {
        var number = await ReportWithVendorAsync("Li Si", "li@printers.example");
        var engineer = await browser.SignInAsync("eng1");
        await engineer.GotoAsync($"/tickets/{number}");
        await Expect(engineer.Locator("#collaboration-title")).ToHaveTextAsync("Departments and vendors");
        await engineer.Locator("#vendor summary").ClickAsync();
        await engineer.Locator("#vendor-name").FillAsync("Wang Wu");
        await engineer.Locator("#vendor-company").FillAsync("Toner Ltd");
        await engineer.Locator("#vendor button[type=submit]").ClickAsync();
        await Expect(engineer.Locator("[data-field=email]")).ToBeVisibleAsync();
        await Expect(engineer.Locator("#vendor-contacts")).ToHaveTextAsync("—");
        await engineer.Locator("#vendor-email").FillAsync("wang@toner.example");
        await engineer.Locator("#vendor button[type=submit]").ClickAsync();
        await Expect(engineer.Locator("#vendor-contacts")).ToContainTextAsync("Wang Wu · Toner Ltd");
        // A supervisor's form only: the engineer gets no department form.
        await Expect(engineer.Locator("#department")).ToHaveCountAsync(0);
    }

    /// <summary>Alice reports on the printer module, which has a vendor contact with the given address.</summary>
    private async Task<string> ReportWithVendorAsync(string vendorName, string vendorEmail)
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SupportFlowDbContext>();
        var printer = await db.Modules.SingleAsync(m => m.Name == BrowserApp.Printer);
        db.ModuleVendorContacts.Add(new ModuleVendorContact(printer, new VendorContact(vendorName, "ACME Printers", vendorEmail)));
        await db.SaveChangesAsync();
        var alice = (await db.Users.Include(u => u.Teams).SingleAsync(u => u.Login == "alice")).ToActor();
        var ticket = await scope.ServiceProvider.GetRequiredService<TicketReception>().ReceiveAsync(alice, new CreateTicketRequest(
            "打印机卡纸", "每页都卡纸。", "2026-05-20T14:10+08:00", null, BrowserApp.Printer, "三楼会议室无法打印", "P3", "portal", null),
            CancellationToken.None);
        return ticket.Number;
    }
}
