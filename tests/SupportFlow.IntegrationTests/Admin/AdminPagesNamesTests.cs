using System.Net;
using System.Text.RegularExpressions;
using SupportFlow.IntegrationTests.Infrastructure;

namespace SupportFlow.IntegrationTests.Admin;

/// <summary>
/// The admin teams page, as a browser drives it, with the names users give: a team, a module and a
/// department are added in the page, shown, and changed through the form the page wrote for them.
/// </summary>
public sealed partial class AdminPagesNamesTests
{
    public static TheoryData<string> Names =>
        ["网络组", "会议室 A 打印机", "Q&A \"50%\" ?#", "🖨️ 打印机", "q\" autofocus onfocus=\"alert(9)", "组' onmouseover='alert(1)' x='"];

    [Theory]
    [MemberData(nameof(Names))]
    public async Task ATeamAndModuleNamedSoAreAddedShownAndChangedInTheAdminPage(string name)
    {
        await using var desk = await Desk.OpenAsync();
        var admin = await desk.App.SignInAsync("admin", "zh-CN");

        var page = await admin.GetStringAsync("/admin/teams");
        await PostAsync(admin, page, "/admin/teams?handler=Team", new() { ["name"] = name, ["assignmentMode"] = "manual" });
        page = await admin.GetStringAsync("/admin/teams");
        await PostAsync(admin, page, "/admin/teams?handler=Module", new() { ["name"] = name, ["category"] = name, ["team"] = name });
        await PostAsync(admin, page, "/admin/teams?handler=Department", new() { ["name"] = name });
        page = await admin.GetStringAsync("/admin/teams");

        // The team's row and its change form: the form posts back to this team, its controls have ids
        // that neither break out of their attribute nor contain a space, and the page shows the name as typed.
        var row = Regex.Matches(page, "<tr data-team=\"([^\"]*)\">.*?</tr>", RegexOptions.Singleline)
            .SingleOrDefault(r => WebUtility.HtmlDecode(r.Groups[1].Value) == name);
        Assert.True(row is not null, "No row for the new team.");
        Assert.DoesNotMatch("&#x[4-9][0-9A-F]{3};", row.Value); // Chinese is written as characters, not entities
        var action = WebUtility.HtmlDecode(Regex.Match(row.Value, "<form[^>]* action=\"([^\"]+)\"").Groups[1].Value);
        Assert.Contains("handler=UpdateTeam", action, StringComparison.Ordinal);
        foreach (Match id in Regex.Matches(row.Value, " id=\"([^\"]*)\""))
        {
            Assert.DoesNotContain(' ', id.Groups[1].Value);
        }

        // A name that tries to leave its attribute (issue 20, item 9) stays text: no handler or autofocus appears in any tag.
        var attributes = Tag().Matches(page).SelectMany(t => t.Groups["name"].Captures.Select(c => c.Value.ToLowerInvariant())).ToList();
        Assert.Contains("data-team", attributes);
        Assert.DoesNotContain(attributes, a => a.StartsWith("on", StringComparison.Ordinal) || a == "autofocus");

        Assert.Contains(name, WebUtility.HtmlDecode(row.Value), StringComparison.Ordinal);
        await PostAsync(admin, page, action, new() { ["members"] = "eng1", ["assignmentMode"] = "roundRobin" });

        var team = await (await desk.Admin.GetAsync("/api/teams/" + Uri.EscapeDataString(name))).Json(HttpStatusCode.OK);
        Assert.Equal("roundRobin", team["assignmentMode"]!.GetValue<string>());
        Assert.Equal(["eng1"], team["members"]!.AsArray().Select(m => m!.GetValue<string>()));
        var module = await (await desk.Admin.GetAsync("/api/modules/" + Uri.EscapeDataString(name))).Json(HttpStatusCode.OK);
        Assert.Equal(name, module["team"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await desk.Admin.GetAsync("/api/departments/" + Uri.EscapeDataString(name))).StatusCode);
    }

    /// <summary>A start tag and the names of its attributes, quoted values skipped whole (what a browser parses as attributes).</summary>
    [GeneratedRegex("""<[a-zA-Z][a-zA-Z0-9-]*(?:\s+(?<name>[^\s=/>"']+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*\s*/?>""")]
    private static partial Regex Tag();

    /// <summary>Posts a form of the page and expects the page's success notice (a redirect back to it).</summary>
    private static async Task PostAsync(HttpClient client, string page, string action, Dictionary<string, string> fields)
    {
        fields["__csrf"] = WebSignIn.Token(page);
        var response = await client.PostAsync(action, new FormUrlEncodedContent(fields));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("alert success", html, StringComparison.Ordinal);
    }
}
