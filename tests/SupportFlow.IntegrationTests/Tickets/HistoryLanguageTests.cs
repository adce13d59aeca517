using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SupportFlow.IntegrationTests.Infrastructure;

namespace SupportFlow.IntegrationTests.Tickets;

/// <summary>
/// The lines the system writes into a ticket's history (where it was routed, the acknowledgement
/// with the owner and the feedback time) read in the reader's language: the API by Accept-Language,
/// the ticket page by the page's language. What a person typed stays as typed.
/// </summary>
public sealed partial class HistoryLanguageTests(DeskFixture fixture) : IClassFixture<DeskFixture>
{
    private readonly Desk _desk = fixture.Desk;

    [Fact]
    public async Task TheSystemsHistoryLinesReadInChineseForAChineseCallerAndInEnglishOtherwise()
    {
        var number = await fixture.SharedTicketAsync(Stage.InProgress);

        var chinese = await NotesAsync(number, "zh-CN");
        var english = await NotesAsync(number, null);

        Assert.Contains($"模块{Desk.SalesModule}的责任组", chinese);
        Assert.Contains(chinese, n => n.StartsWith("已受理；负责人：", StringComparison.Ordinal) && n.Contains("内首次反馈", StringComparison.Ordinal));
        Assert.Contains($"Responsible team of module {Desk.SalesModule}", english);
        Assert.Contains(english, n => n.StartsWith("Received; owner: ", StringComparison.Ordinal));
        Assert.Equal(english.Count, chinese.Count);
        Assert.All(chinese, n => Assert.DoesNotMatch(EnglishSentence(), n));
    }

    [Fact]
    public async Task TheStaffTicketPageInChineseShowsTheSystemsLinesInChinese()
    {
        var number = await fixture.SharedTicketAsync(Stage.InProgress);
        using var admin = await _desk.App.SignInAsync("admin", "zh-CN");

        var page = await admin.GetStringAsync($"/tickets/{number}");

        Assert.Contains("已受理；负责人：", page, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode($"模块{Desk.SalesModule}的责任组"), page, StringComparison.Ordinal);
        Assert.DoesNotContain("Received; owner:", page, StringComparison.Ordinal);
    }

    private async Task<List<string>> NotesAsync(string number, string? language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/tickets/{number}/history");
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        var history = await (await _desk.Supervisor.SendAsync(request)).Content.ReadFromJsonAsync<JsonArray>();
        return [.. history!.Select(l => l!["note"]?.GetValue<string>()).OfType<string>()];
    }

    [GeneratedRegex("[A-Za-z']+ [A-Za-z']+ [A-Za-z']+ [A-Za-z']+")]
    private static partial Regex EnglishSentence();
}
