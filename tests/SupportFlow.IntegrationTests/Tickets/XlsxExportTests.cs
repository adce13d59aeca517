using System.Net;
using SupportFlow.Archive;
using SupportFlow.IntegrationTests.Archive;
using SupportFlow.IntegrationTests.Infrastructure;

namespace SupportFlow.IntegrationTests.Tickets;

/// <summary>
/// The ticket export's workbook as a spreadsheet program reads it, from the API and from the
/// console's Export link: it is streamed into the response, so it must arrive whole, named, with
/// Chinese and emoji text intact.
/// </summary>
public sealed class XlsxExportTests : IAsyncLifetime
{
    private const string Chinese = "打印机卡纸，无法打印";
    private const string Emoji = "登录失败 😀🔥 再试一次";

    private Desk _desk = null!;

    public async Task InitializeAsync() => _desk = await Desk.OpenAsync();

    public async Task DisposeAsync() => await _desk.DisposeAsync();

    [Fact]
    public async Task ChineseAndEmojiTitlesComeBackFromTheApiAndTheConsoleExport()
    {
        var chinese = await _desk.ReportAsync(change: b => b["title"] = Chinese);
        var emoji = await _desk.ReportAsync(change: b => b["title"] = Emoji);
        await _desk.App.CreateUserAsync("lead", "supervisor");
        var web = await _desk.App.SignInAsync("lead");

        foreach (var (client, url) in new[]
                 {
                     (_desk.Supervisor, "/api/tickets/export?format=xlsx"),
                     (web, "/console?handler=export&queue=open&format=xlsx"),
                 })
        {
            var response = await client.GetAsync(url);

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
            Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
            Assert.Matches(@"^tickets-20260520-\d{4}\.xlsx$", response.Content.Headers.ContentDisposition?.FileNameStar ?? "");
            var sheet = await ReadTicketsSheetAsync(await response.Content.ReadAsByteArrayAsync());
            var title = Array.IndexOf(sheet[0], TrackingColumns.All.Single(c => c.Key == "title").Header);
            Assert.Equal([(chinese, Chinese), (emoji, Emoji)],
                sheet.Skip(1).Select(r => (r[0], r[title])).Order());
        }
    }

    private async Task<List<string[]>> ReadTicketsSheetAsync(byte[] xlsx)
    {
        var path = Path.Combine(_desk.App.DataDirectory, $"export-{Guid.NewGuid():N}.xlsx");
        await File.WriteAllBytesAsync(path, xlsx);
        return ArchiveKit.ReadSheet(path, "Tickets");
    }
}
