using SupportFlow.Recurring;
using SupportFlow.Tickets;

namespace SupportFlow.Tests.Recurring;

public sealed class RecurringProblemsTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 20, 6, 30, 0, TimeSpan.Zero);

    private static TicketText Text(int id, string title, string description, int daysAgo = 1,
        TicketStatus status = TicketStatus.New) =>
        new(id, $"20260520-{id:000}", title, description, status, Now.AddDays(-daysAgo));

    [Fact]
    public void TheSameProblemInOtherWordsIsSimilarAndAnotherProblemIsNot()
    {
        var candidates = new[]
        {
            Text(1, "会议室打印机又卡纸了", "打印机提示卡纸,取出纸张后仍然无法打印"),
            Text(2, "打印机卡纸无法打印", "打印时打印机卡纸,显示纸张卡住"),
            Text(3, "扫描件发送不到邮箱", "扫描后提示发送失败,邮箱收不到"),
            Text(4, "邮箱无法登录", "Outlook提示密码错误"),
        };

        var similar = RecurringProblems.Similar("会议室A打印机卡纸", "打印机显示纸张卡住,无法打印", candidates, 0.35);

        Assert.Equal([2, 1], similar.Select(s => s.Ticket.Id));
    }

    [Fact]
    public void EnglishReportsAreComparedByWords()
    {
        var similar = RecurringProblems.Similar("Printer jams on every page", "Paper jam in tray 2",
            [Text(1, "Paper jam in the meeting room printer", "jams on every print"), Text(2, "VPN drops", "Tunnel closes hourly")],
            0.35);

        Assert.Equal([1], similar.Select(s => s.Ticket.Id));
    }

    [Fact]
    public void ANewTicketWithTwoSimilarOnesWithinTheWindowIsRecurring()
    {
        var options = new ReviewOptions();
        SimilarTicket Similar(int id, int daysAgo, TicketStatus status = TicketStatus.New) =>
            new(Text(id, "打印机卡纸", "", daysAgo, status), 0.8);

        Assert.Equal(2, RecurringProblems.Recurring([Similar(1, 29), Similar(2, 1)], Now, options).Count);
        Assert.Empty(RecurringProblems.Recurring([Similar(1, 31), Similar(2, 1)], Now, options));
        Assert.Empty(RecurringProblems.Recurring([Similar(1, 3, TicketStatus.Cancelled), Similar(2, 1)], Now, options));
        Assert.Empty(RecurringProblems.Recurring([Similar(1, 1)], Now, options));
        Assert.Single(RecurringProblems.Recurring([Similar(1, 1)], Now, new ReviewOptions { RecurringMinTickets = 2 }));
    }
}
