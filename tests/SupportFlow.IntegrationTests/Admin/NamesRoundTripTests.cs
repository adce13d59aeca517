using System.Net;
using System.Net.Http.Json;
using SupportFlow.IntegrationTests.Infrastructure;

namespace SupportFlow.IntegrationTests.Admin;

/// <summary>
/// An admin desk named the way its users name things: every resource created with a Chinese
/// name, a space, '?', '#', '%' (even a literal "%2F") or an emoji answers 201 with an ASCII <c>Location</c> that
/// GET, PUT and DELETE follow to that same resource.
/// </summary>
public sealed class NamesRoundTripTests
{
    // Not the desk's own names (系统组, 销售模块V3.2): those exist already.
    public static TheoryData<string> Names => ["运维组", "财务模块V5.1", "会议室 A 打印机", "Q&A 50% ?#", "🖨️ 打印机", "a%2Fb"];

    [Theory]
    [MemberData(nameof(Names))]
    public async Task EveryAdminResourceNamedSoIsFoundAgainThroughItsLocation(string name)
    {
        await using var desk = await Desk.OpenAsync();
        var admin = desk.Admin;

        // A department: create, read, delete; then again for the user below.
        var department = await CreatedAsync(admin, "/api/departments", new { name });
        Assert.Equal(name, (await (await admin.GetAsync(department)).Json(HttpStatusCode.OK))["name"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(department)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(department)).StatusCode);
        Assert.Equal(department, await CreatedAsync(admin, "/api/departments", new { name }));

        var team = await CreatedAsync(admin, "/api/teams", new { name, members = new[] { "eng1" } });
        Assert.Equal(name, (await (await admin.GetAsync(team)).Json(HttpStatusCode.OK))["name"]!.GetValue<string>());
        var changedTeam = await (await admin.PutAsJsonAsync(team, new { members = new[] { "eng1", "eng2" } })).Json(HttpStatusCode.OK);
        Assert.Equal(["eng1", "eng2"], changedTeam["members"]!.AsArray().Select(m => m!.GetValue<string>()));

        var module = await CreatedAsync(admin, "/api/modules", new { name, category = name, team = name });
        var fetchedModule = await (await admin.GetAsync(module)).Json(HttpStatusCode.OK);
        Assert.Equal(name, fetchedModule["name"]!.GetValue<string>());
        Assert.Equal(name, fetchedModule["team"]!.GetValue<string>());
        Assert.Equal(name, (await (await admin.PutAsJsonAsync(module, new { category = name })).Json(HttpStatusCode.OK))["category"]!
            .GetValue<string>());

        // The category's default team: the category itself is the last segment of the URL.
        var route = $"/api/routing/categories/{Uri.EscapeDataString(name)}";
        Assert.Equal(name, (await (await admin.PutAsJsonAsync(route, new { team = name })).Json(HttpStatusCode.OK))["category"]!
            .GetValue<string>());
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(route)).StatusCode);

        var vendor = await CreatedAsync(admin, $"{module}/vendors", new { name = "张工", company = name, email = "zhang@vendor.example" });
        Assert.Equal(name, (await (await admin.GetAsync(vendor)).Json(HttpStatusCode.OK))["company"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(vendor)).StatusCode);

        var user = await CreatedAsync(admin, "/api/users",
            new { login = "wang.gong", name, role = "engineer", department = name, teams = new[] { name } });
        var fetchedUser = await (await admin.GetAsync(user)).Json(HttpStatusCode.OK);
        Assert.Equal(name, fetchedUser["name"]!.GetValue<string>());
        Assert.Equal(name, fetchedUser["department"]!.GetValue<string>());
        Assert.Equal([name], fetchedUser["teams"]!.AsArray().Select(t => t!.GetValue<string>()));

        var channel = await CreatedAsync(admin, "/api/chat-channels", new { name, platform = "generic", secret = "s3cret", module = name });
        var fetchedChannel = await (await admin.GetAsync(channel)).Json(HttpStatusCode.OK);
        Assert.Equal(name, fetchedChannel["name"]!.GetValue<string>());
        Assert.Equal("/api/intake/chat/" + Uri.EscapeDataString(name), fetchedChannel["url"]!.GetValue<string>());
        Assert.False((await (await admin.PutAsJsonAsync(channel, new { enabled = false })).Json(HttpStatusCode.OK))["enabled"]!
            .GetValue<bool>());
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(channel)).StatusCode);

        // No IMAP server listens there: the watcher logs its failed connection until the mailbox is disabled.
        desk.App.ExpectLoggedFailure($"Mailbox {name} failed");
        var mailbox = await CreatedAsync(admin, "/api/mailboxes", new
        {
            name, host = "127.0.0.1", port = 143, tls = "none", user = "desk", password = "pw", folder = name, module = name,
        });
        Assert.Equal(name, (await (await admin.GetAsync(mailbox)).Json(HttpStatusCode.OK))["folder"]!.GetValue<string>());
        Assert.False((await (await admin.PutAsJsonAsync(mailbox, new { enabled = false })).Json(HttpStatusCode.OK))["enabled"]!
            .GetValue<bool>());
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(mailbox)).StatusCode);

        var cause = await CreatedAsync(admin, "/api/reviews/categories", new { key = "paperJam", nameEn = "Paper jam", nameZh = name });
        Assert.Equal(name, (await (await admin.GetAsync(cause)).Json(HttpStatusCode.OK))["nameZh"]!.GetValue<string>());

        // A ticket on the module goes to its team; then the module and the team can no longer go.
        var number = await desk.ReportAsync(change: b => b["module"] = name);
        var ticket = await (await desk.Alice.GetAsync($"/api/tickets/{number}")).Json(HttpStatusCode.OK);
        Assert.Equal(name, ticket["module"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, (await admin.DeleteAsync(team)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(user)).StatusCode);
        var emptyModule = await CreatedAsync(admin, "/api/modules", new { name = name + " 2", category = name });
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(emptyModule)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(emptyModule)).StatusCode);
    }

    /// <summary>Routing leaves an escaped slash as "%2F" in the route value: such a name could not be found again, so it is refused.</summary>
    [Fact]
    public async Task ANameWithASlashIsRefusedWithAReasonAndNothingIsStored()
    {
        await using var desk = await Desk.OpenAsync();
        foreach (var path in new[] { "/api/teams", "/api/departments" })
        {
            var problem = await (await desk.Admin.PostAsJsonAsync(path, new { name = "会议室 A/打印机" })).FieldError("name");
            Assert.Contains("cannot contain '/'", problem["errors"]!["name"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        }

        Assert.Equal(2, (await (await desk.Admin.GetAsync("/api/teams")).JsonArray()).Count);
    }

    [Fact]
    public async Task AnAttachmentWithAChineseFileNameDownloadsUnderThatName()
    {
        await using var desk = await Desk.OpenAsync();
        var number = await desk.ReportAsync();
        const string fileName = "会议室 A 打印机 报错 50%.png";
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent([0x89, (byte)'P', (byte)'N', (byte)'G', 13, 10, 26, 10]), "file", fileName);
        var response = await desk.Alice.PostAsync($"/api/tickets/{number}/attachments", form);
        var created = await response.Json(HttpStatusCode.Created);
        Assert.True(response.Headers.Location!.OriginalString.All(char.IsAscii));

        var download = await desk.Alice.GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var disposition = download.Content.Headers.ContentDisposition!;
        Assert.Equal(fileName, disposition.FileNameStar);
        Assert.Contains("filename*=UTF-8''" + Uri.EscapeDataString(fileName), disposition.ToString(), StringComparison.Ordinal);
        Assert.True(disposition.FileName!.All(char.IsAscii)); // the fallback for clients without RFC 6266
        Assert.Equal(fileName, created["fileName"]!.GetValue<string>());
    }

    /// <summary>Creates at <paramref name="path"/>; asserts a 201 whose <c>Location</c> is plain ASCII, and returns it.</summary>
    private static async Task<string> CreatedAsync(HttpClient client, string path, object body)
    {
        var response = await client.PostAsJsonAsync(path, body);
        await response.Json(HttpStatusCode.Created);
        var location = response.Headers.Location?.OriginalString;
        Assert.NotNull(location);
        Assert.True(location.All(char.IsAscii), $"Location is not ASCII: {location}");
        return location;
    }
}
