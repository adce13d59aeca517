using System.Text.RegularExpressions;
using SupportFlow.Localization;
using SupportFlow.Sla;
using SupportFlow.Tests.Sla;
using SupportFlow.Tickets;

namespace SupportFlow.Tests.Tickets;

/// <summary>
/// The sentences the system writes into a ticket's history (routing, the acknowledgement, SLA
/// events, auto-close, merges) are kept as catalogue messages, so a Chinese reader gets them in
/// Chinese and an English reader in English, whenever they read them. Typed text stays as typed.
/// </summary>
public sealed partial class HistoryNoteTests
{
    [Theory]
    [MemberData(nameof(TicketLifecycleTests.AllowedSteps), MemberType = typeof(TicketLifecycleTests))]
    public void EverySentenceTheSystemWritesInALifecycleStepReadsInChinese(TicketLifecycleTests.Step step, TicketStatus from,
        TicketStatus after)
    {
        var desk = new Desk();
        var ticket = desk.In(from);
        TicketLifecycleTests.Take(desk, ticket, step);

        Assert.Equal(after, ticket.Status);
        AssertSystemSentencesInChinese(ticket.History);
    }

    [Fact]
    public void SlaEventsAndTheAcknowledgementReadInTheReadersLanguage()
    {
        var desk = new Desk();
        var received = desk.Clock.GetUtcNow();
        var ticket = Ticket.Receive(Desk.Number, desk.Intake(priority: Priority.P1), desk.Module, desk.Reporter, received);
        ticket.ApplySla(SlaTime.ShanghaiOffice, [new SlaEscalation("一级 值班主管", TimeSpan.FromMinutes(30), EscalationTarget.Supervisors)],
            received.AddHours(3));
        desk.AssignToEve(ticket);

        var sla = ticket.History.Where(l => l.Action == HistoryAction.Sla).Select(l => l.Written!).ToList();
        Assert.Contains(sla, n => n.In(Texts.Chinese).StartsWith("SLA 已超时：分派应于", StringComparison.Ordinal));
        Assert.Contains(sla, n => n.In(Texts.Chinese).StartsWith("SLA 升级（一级 值班主管）：", StringComparison.Ordinal));
        Assert.Contains(sla, n => n.English.StartsWith("SLA breached: assignment was due", StringComparison.Ordinal));
        var acknowledgement = ticket.History.Single(l => l.Action == HistoryAction.Assign && l.Field is null).Written!;
        Assert.StartsWith("Received; owner: ", acknowledgement.In(Texts.English), StringComparison.Ordinal);
        Assert.StartsWith("已受理；负责人：", acknowledgement.In(Texts.Chinese), StringComparison.Ordinal);
        AssertSystemSentencesInChinese(ticket.History);
    }

    [Fact]
    public void AReasonAPersonTypedIsKeptAsTypedInEveryLanguage()
    {
        var desk = new Desk();
        var ticket = desk.Receive();
        ticket.Assign(desk.Supervisor, desk.Next(), desk.Eve, desk.Systems, "张伟 休假 / on leave");

        var line = ticket.History.First(l => l.Field == HistoryField.Assignee);
        Assert.Null(line.NoteMessage);
        Assert.Equal("张伟 休假 / on leave", line.Written!.In(Texts.Chinese));
        Assert.Equal("张伟 休假 / on leave", line.Written!.In(Texts.English));
    }

    [Fact]
    public void AStoredMessageComesBackWithItsWordsNumbersAndNestedMessages()
    {
        var message = new LocalizedMessage("SLA targets recomputed from receipt under {0}: {1}", "P1",
            new LocalizedMessage("first response {0}, assignment {1}, update {2}, resolution {3}",
                SlaTarget.Minutes(15).Words(), SlaTarget.Minutes(10).Words(), SlaTarget.Minutes(120).Words(), SlaTarget.BusinessDays(1).Words()));

        var read = StoredMessage.Read(StoredMessage.Write(message))!;

        Assert.Equal(message.In(Texts.Chinese), read.In(Texts.Chinese));
        Assert.Equal("已按 P1 从受理时起重算 SLA 目标：首次响应 15 分钟，分派 10 分钟，进展更新 2 小时，解决 1 个工作日", read.In(Texts.Chinese));
        Assert.Equal("SLA targets recomputed from receipt under P1: first response 15 minutes, assignment 10 minutes, update 2 hours, "
                     + "resolution 1 business day", read.In(Texts.English));
        Assert.Equal("1024 字节", StoredMessage.Read(StoredMessage.Write(new LocalizedMessage("{0} bytes", 1024L)))!.In(Texts.Chinese));
        Assert.Null(StoredMessage.Read("not json"));
        Assert.Null(StoredMessage.Read(null));
    }

    /// <summary>Every line written by the system, or with a catalogue sentence, reads in Chinese without an English sentence.</summary>
    private static void AssertSystemSentencesInChinese(IEnumerable<TicketHistoryEntry> history)
    {
        foreach (var line in history)
        {
            if (line.ActorId is null && line.Note is not null)
            {
                Assert.True(line.NoteMessage is not null, $"The system wrote '{line.Note}' as plain text: no reader can get it in Chinese.");
            }

            if (line.NoteMessage is not null)
            {
                var chinese = line.Written!.In(Texts.Chinese);
                Assert.NotEqual(line.Note, chinese);
                Assert.DoesNotMatch(EnglishSentence(), chinese);
            }
        }
    }

    [GeneratedRegex("[A-Za-z']+ [A-Za-z']+ [A-Za-z']+ [A-Za-z']+")]
    private static partial Regex EnglishSentence();
}
