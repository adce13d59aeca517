using SupportFlow.Intake;

namespace SupportFlow.Tests.Intake;

/// <summary>The pure rules of mail intake: ticket tags, reply prefixes, quoted text and machine-written mail.</summary>
public sealed class MailRulesTests
{
    [Theory]
    [InlineData("Re: [#20260520-001] Printer jams", "20260520-001")]
    [InlineData("回复：[#20260520-1000] 打印机卡纸", "20260520-1000")]
    [InlineData("Fwd: [#20260519-004] old [#20260520-007] newer", "20260520-007")]
    [InlineData("Invoice #20260520-001", null)]
    [InlineData("[#2026052-001] too short", null)]
    [InlineData("", null)]
    public void TheTicketTagIsFoundInTheSubject(string subject, string? number) => Assert.Equal(number, TicketTag.Find(subject));

    [Theory]
    [InlineData("Re: Fwd: RE: [#20260520-001] Printer jams", "Printer jams")]
    [InlineData("回复：转发: 打印机卡纸", "打印机卡纸")]
    [InlineData("AW: WG: Drucker", "Drucker")]
    [InlineData("Re[2]: VPN", "VPN")]
    [InlineData("Regarding the VPN", "Regarding the VPN")]
    public void ReplyPrefixesAndTagsAreNotPartOfTheTitle(string subject, string title) => Assert.Equal(title, SubjectPrefix.Strip(subject));

    [Theory]
    [InlineData("Still broken.\n\nOn Wed, 20 May 2026 at 14:00, Support <s@d.example> wrote:\n> Fixed?", "Still broken.")]
    [InlineData("Still broken.\nOn Wed, 20 May 2026 at 14:00, Support\n<s@d.example> wrote:\n> Fixed?", "Still broken.")]
    [InlineData("还是不行。\n\n在 2026年5月20日 14:00，支持中心 写道：\n> 已修复", "还是不行。")]
    [InlineData("OK now\n\n-----Original Message-----\nFrom: Support\nSent: today", "OK now")]
    [InlineData("收到\n\n发件人: 支持中心\n发送时间: 2026年5月20日", "收到")]
    [InlineData("> only a quote", "> only a quote")]
    [InlineData("No quote at all.\nSecond line.", "No quote at all.\nSecond line.")]
    public void OnlyTheNewPartOfAReplyIsKept(string body, string expected) => Assert.Equal(expected, ReplyText.NewPart(body));

    [Theory]
    [InlineData("Auto-Submitted", "auto-replied", "Auto-Submitted: auto-replied")]
    [InlineData("Auto-Submitted", "auto-generated", "Auto-Submitted: auto-generated")]
    [InlineData("Precedence", "bulk", "Precedence: bulk")]
    [InlineData("Precedence", "junk", "Precedence: junk")]
    [InlineData("Precedence", "list", "Precedence: list")]
    [InlineData("X-Autoreply", "yes", "X-Autoreply")]
    public void MachineWrittenHeadersAreRecognised(string header, string value, string why) =>
        Assert.Equal(why, AutoReplies.Why(h => h == header ? value : null, "alice@example.com", "alice@example.com", "text/plain"));

    [Theory]
    [InlineData("MAILER-DAEMON@mx.example", "x@mx.example", "text/plain")]
    [InlineData("postmaster@mx.example", "x@mx.example", "text/plain")]
    [InlineData("alice@example.com", "", "text/plain")]
    [InlineData("alice@example.com", "alice@example.com", "multipart/report")]
    public void BouncesAreRecognised(string from, string returnPath, string contentType) =>
        Assert.NotNull(AutoReplies.Why(_ => null, from, returnPath, contentType));

    [Fact]
    public void APersonsMailIsNotMachineWritten()
    {
        var headers = new Dictionary<string, string> { ["Auto-Submitted"] = "no", ["Precedence"] = "normal" };
        Assert.Null(AutoReplies.Why(h => headers.GetValueOrDefault(h), "alice@example.com", "alice@example.com", "multipart/mixed"));
        Assert.Null(AutoReplies.Why(_ => null, "noreply-monitoring@example.com", null, "text/plain"));
    }
}
