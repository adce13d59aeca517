using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using SupportFlow.IntegrationTests.Infrastructure;

namespace SupportFlow.IntegrationTests.Sla;

/// <summary>The admin SLA page (/admin/sla) over HTTP, as a browser uses it: it shows every target as stored and saves what it shows.</summary>
public sealed class SlaPageTests
{
    /// <summary>The amount and the chosen unit of one target's fields in one priority's form.</summary>
    private static (string Amount, string Unit) Field(string html, string priority, string target)
    {
        var form = Regex.Match(html, $"<form[^>]*id=\"policy-{priority}\".*?</form>", RegexOptions.Singleline);
        Assert.True(form.Success, $"No form for {priority}.");
        var amount = Regex.Match(form.Value, $"name=\"{target}\\.amount\"[^>]*value=\"([^\"]*)\"");
        var select = Regex.Match(form.Value, $"<select[^>]*name=\"{target}\\.unit\".*?</select>", RegexOptions.Singleline);
        var chosen = Regex.Match(select.Value, "<option value=\"([^\"]+)\" selected=\"selected\"");
        Assert.True(amount.Success && chosen.Success, $"No amount or unit for {priority} {target}.");
        return (amount.Groups[1].Value, chosen.Groups[1].Value);
    }

    [Fact]
    public async Task ANinetyBusinessMinuteTargetShowsAsNinetyBusinessMinutesAndSavingThePageKeepsIt()
    {
        await using var desk = await Desk.OpenAsync();
        var policy = new
        {
            firstResponse = new { minutes = 45 },
            assignment = new { businessMinutes = 90 },
            update = new { businessHours = 3 },
            resolution = new { businessDays = 2 },
        };
        (await desk.Admin.PutAsJsonAsync("/api/sla/policies/P3", policy)).EnsureSuccessStatusCode();
        var admin = await desk.App.SignInAsync("admin", "zh-CN");

        var page = await admin.GetStringAsync("/admin/sla");
        Assert.Equal(("90", "businessMinutes"), Field(page, "P3", "assignment"));
        Assert.Equal(("45", "minutes"), Field(page, "P3", "firstResponse"));
        Assert.Equal(("3", "businessHours"), Field(page, "P3", "update"));
        Assert.Contains("工作分钟", WebUtility.HtmlDecode(page), StringComparison.Ordinal); // the unit's name in the page language

        // Saving the form as shown changes nothing.
        var fields = new Dictionary<string, string> { ["__csrf"] = WebSignIn.Token(page) };
        foreach (var target in new[] { "firstResponse", "assignment", "update", "resolution" })
        {
            var (amount, unit) = Field(page, "P3", target);
            fields[target + ".amount"] = amount;
            fields[target + ".unit"] = unit;
        }

        var saved = await admin.PostAsync("/admin/sla?handler=Policy&priority=P3", new FormUrlEncodedContent(fields));
        Assert.Equal((HttpStatusCode.OK, "/admin/sla"), (saved.StatusCode, saved.RequestMessage!.RequestUri!.AbsolutePath));
        var stored = await (await desk.Admin.GetAsync("/api/sla/policies/P3")).Json(HttpStatusCode.OK);
        Assert.Equal(90, stored["assignment"]!["businessMinutes"]!.GetValue<int>());
        Assert.Null(stored["assignment"]!["businessHours"]);
        Assert.Equal(45, stored["firstResponse"]!["minutes"]!.GetValue<int>());
        Assert.Equal(3, stored["update"]!["businessHours"]!.GetValue<int>());
        Assert.Equal(2, stored["resolution"]!["businessDays"]!.GetValue<int>());

        // And business minutes can be chosen on the page.
        fields["assignment.amount"] = "75";
        fields["assignment.unit"] = "businessMinutes";
        (await admin.PostAsync("/admin/sla?handler=Policy&priority=P3", new FormUrlEncodedContent(fields))).EnsureSuccessStatusCode();
        var changed = await (await desk.Admin.GetAsync("/api/sla/policies/P3")).Json(HttpStatusCode.OK);
        Assert.Equal(75, changed["assignment"]!["businessMinutes"]!.GetValue<int>());
    }
}
