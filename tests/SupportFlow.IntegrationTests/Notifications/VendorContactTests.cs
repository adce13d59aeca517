using System.Net;
using System.Net.Http.Json;
using SupportFlow.IntegrationTests.Infrastructure;

namespace SupportFlow.IntegrationTests.Notifications;

/// <summary>
/// Vendor contacts, kept on a module by an admin and involved in a ticket by whoever works it: the
/// vendor is mailed through the outbox (a real SMTP conversation), and only then.
/// </summary>
public sealed class VendorContactTests
{
    private static readonly string Vendors = $"/api/modules/{Desk.Url(Desk.SalesModule)}/vendors";

    private static readonly object Zhang = new { name = "Zhang San", company = "ACME ERP", email = "zhang@acme.example" };

    [Fact]
    public async Task InvolvingAModulesVendorInATicketMailsThemOnceWithTheNoteAndRecordsTheDelivery()
    {
        await using var inbox = MailInbox.Start();
        await using var desk = await Desk.OpenAsync(NotificationKit.WithSmtp(inbox.Port));
        var contact = await (await desk.Admin.PostAsJsonAsync(Vendors, Zhang)).Json(HttpStatusCode.Created);
        Assert.Equal("ACME ERP", contact["company"]!.GetValue<string>());
        var listed = await (await desk.Engineer.GetAsync(Vendors)).JsonArray();
        Assert.Equal("zhang@acme.example", Assert.Single(listed)!["email"]!.GetValue<string>());

        // Intake does not bother the vendor: a module's contacts are offered, not mailed about every ticket.
        var number = await desk.ReportAsync(change: b => b["title"] = "Invoices do not print");
        await desk.App.DeliverAsync();
        Assert.DoesNotContain(inbox.Received, m => m.EnvelopeTo.Contains("zhang@acme.example"));

        var ticket = await (await desk.Engineer.PostAsJsonAsync($"/api/tickets/{number}/vendors",
            new { name = "Zhang San", company = "ACME ERP", email = "zhang@acme.example", note = "Please check the licence server." }))
            .Json(HttpStatusCode.OK);
        var involved = Assert.Single(ticket["vendorContacts"]!.AsArray())!;
        Assert.Equal("eng1", involved["addedBy"]!.GetValue<string>());
        await desk.App.DeliverAsync();

        var mail = Assert.Single(await inbox.WaitForAsync(1), m => m.EnvelopeTo.SequenceEqual(["zhang@acme.example"]));
        Assert.Equal($"[#{number}] Your help is needed: Invoices do not print", mail.Subject);
        Assert.Contains("Dear Zhang San", mail.Body, StringComparison.Ordinal);
        Assert.Contains($"ticket {number} \"Invoices do not print\" ({Desk.SalesModule}) involves your product", mail.Body,
            StringComparison.Ordinal);
        Assert.Contains("Please check the licence server.", mail.Body, StringComparison.Ordinal);
        Assert.Equal("en", mail.Message.Body!.Headers["Content-Language"]);
        var delivery = Assert.Single(await desk.Supervisor.DeliveriesAsync(number),
            d => d!["recipient"]!.GetValue<string>() == "zhang@acme.example")!;
        Assert.Equal("sent", delivery["status"]!.GetValue<string>());
        Assert.Equal("vendorInvolved", delivery["event"]!.GetValue<string>());

        var history = await (await desk.Supervisor.GetAsync($"/api/tickets/{number}/history")).JsonArray();
        var line = Assert.Single(history, h => h!["action"]!.GetValue<string>() == "vendor")!;
        Assert.Equal("Zhang San, ACME ERP <zhang@acme.example>", line["newValue"]!.GetValue<string>());
        Assert.False(line["public"]!.GetValue<bool>());

        // The same contact again is refused; the reporter never sees a vendor's address.
        Assert.Equal(HttpStatusCode.Conflict, (await desk.Engineer.PostAsJsonAsync($"/api/tickets/{number}/vendors", Zhang)).StatusCode);
        var forAlice = await (await desk.Alice.GetAsync($"/api/tickets/{number}")).Json(HttpStatusCode.OK);
        Assert.Empty(forAlice["vendorContacts"]!.AsArray());

        // Removing them is recorded and mails nobody.
        var id = involved["id"]!.GetValue<long>();
        ticket = await (await desk.Engineer.DeleteAsync($"/api/tickets/{number}/vendors/{id}")).Json(HttpStatusCode.OK);
        Assert.Empty(ticket["vendorContacts"]!.AsArray());
        Assert.Equal(0, await desk.App.DeliverAsync());
        Assert.Single(inbox.Received, m => m.EnvelopeTo.Contains("zhang@acme.example"));
    }

    [Fact]
    public async Task OnlyThoseWhoWorkTheTicketInvolveVendorsAndOnlyAdminsKeepAModulesContacts()
    {
        await using var desk = await Desk.OpenAsync();
        var number = await desk.ReportAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await desk.OtherEngineer.PostAsJsonAsync($"/api/tickets/{number}/vendors", Zhang)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Alice.PostAsJsonAsync($"/api/tickets/{number}/vendors", Zhang)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Supervisor.PostAsJsonAsync(Vendors, Zhang)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Alice.GetAsync(Vendors)).StatusCode);
        Assert.Empty(await (await desk.Admin.GetAsync(Vendors)).JsonArray());
        var ticket = await (await desk.Supervisor.GetAsync($"/api/tickets/{number}")).Json(HttpStatusCode.OK);
        Assert.Empty(ticket["vendorContacts"]!.AsArray());
        Assert.DoesNotContain(await (await desk.Supervisor.GetAsync($"/api/tickets/{number}/history")).JsonArray(),
            h => h!["action"]!.GetValue<string>() == "vendor");
    }

    [Fact]
    public async Task BadVendorContactsAreFieldErrorsAndChangeNothing()
    {
        await using var desk = await Desk.OpenAsync();
        var number = await desk.ReportAsync();
        var before = await (await desk.Supervisor.GetAsync($"/api/tickets/{number}")).Json(HttpStatusCode.OK);

        var problem = await (await desk.Engineer.PostAsJsonAsync($"/api/tickets/{number}/vendors",
            new { name = "", company = " ", email = "not-an-address" })).FieldError("email");
        Assert.True(problem["errors"]!.AsObject().ContainsKey("name"));
        Assert.True(problem["errors"]!.AsObject().ContainsKey("company"));
        await (await desk.Engineer.PostAsJsonAsync($"/api/tickets/{number}/vendors",
            new { name = "Zhang", company = "ACME", email = "zhang@acme.example", note = new string('x', 10_001) })).FieldError("note");
        await (await desk.Admin.PostAsJsonAsync(Vendors, new { name = "Zhang", company = "ACME" })).FieldError("email");
        (await desk.Admin.PostAsJsonAsync(Vendors, Zhang)).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Conflict, (await desk.Admin.PostAsJsonAsync(Vendors, Zhang)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.Admin.PostAsJsonAsync("/api/modules/Nothing/vendors", Zhang)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.Engineer.DeleteAsync($"/api/tickets/{number}/vendors/999")).StatusCode);

        var after = await (await desk.Supervisor.GetAsync($"/api/tickets/{number}")).Json(HttpStatusCode.OK);
        Assert.Empty(after["vendorContacts"]!.AsArray());
        Assert.Equal(before["updatedAt"]!.GetValue<DateTimeOffset>(), after["updatedAt"]!.GetValue<DateTimeOffset>());
        Assert.Single(await (await desk.Admin.GetAsync(Vendors)).JsonArray());
        Assert.DoesNotContain(await desk.Supervisor.DeliveriesAsync(number),
            d => d!["recipient"]!.GetValue<string>() == "zhang@acme.example");
    }
}
