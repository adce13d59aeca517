using System.Net;
using SupportFlow.IntegrationTests.Infrastructure;

namespace SupportFlow.IntegrationTests.Tickets;

/// <summary>Everything accepted is on disk: a new server on the same data folder sees it all and continues the serial.</summary>
public sealed class RestartTests
{
    [Fact]
    public async Task TicketsHistoryAndAttachmentsSurviveARestartAndTheSerialContinues()
    {
        var desk = await Desk.OpenAsync();
        var dataDirectory = desk.App.DataDirectory;
        var clock = desk.App.Clock;
        string first, second;
        string ticketBefore, historyBefore, attachmentUrl;
        try
        {
            first = await desk.ReportAsync();
            second = await desk.TicketAtAsync(Stage.InProgress, desk.Bob);
            await TicketTestKit.Ok(desk.Engineer.Act(second, "worklog", new { text = "重启前的记录", method = "phone" }));
            var attachment = await (await AttachmentTests.UploadAsync(desk.Engineer, second, AttachmentTests.Png(), "before.png"))
                .Json(HttpStatusCode.Created);
            attachmentUrl = attachment.Str("url");
            ticketBefore = (await desk.GetTicketAsync(second)).ToJsonString();
            historyBefore = (await desk.HistoryAsync(second)).ToJsonString();
        }
        finally
        {
            await desk.DisposeAsync();
        }

        using var app = new SupportFlowApp(dataDirectory, clock);
        var supervisor = await app.ClientForAsync("sup1");
        var engineer = await app.ClientForAsync("eng1");
        var bob = await app.ClientForAsync("bob");

        Assert.Equal(ticketBefore, (await (await supervisor.GetAsync($"/api/tickets/{second}")).Json(HttpStatusCode.OK)).ToJsonString());
        var historyAfter = await (await supervisor.GetAsync($"/api/tickets/{second}/history")).JsonArray();
        Assert.Equal(historyBefore, historyAfter.ToJsonString());
        Assert.Contains(historyAfter, h => h!["note"]?.GetValue<string>() == "重启前的记录");
        Assert.Contains(historyAfter, h => h!["field"]?.GetValue<string>() == "attachment");
        Assert.Equal([second, first], await supervisor.AllNumbersAsync(""));
        Assert.Equal([second], await bob.AllNumbersAsync(""));
        Assert.Equal(AttachmentTests.Png(), await (await bob.GetAsync(attachmentUrl)).Content.ReadAsByteArrayAsync());

        // Work goes on where it stopped, and the next report continues the day's serial.
        var resolved = await TicketTestKit.Ok(engineer.Act(second, "resolve", new { solution = "Fixed after the restart" }));
        Assert.Equal("resolved", resolved.Str("status"));
        var next = await (await bob.PostJsonAsync("/api/tickets", Desk.Report())).Json(HttpStatusCode.Created);
        Assert.Equal("20260520-003", next.Str("number"));
    }
}
