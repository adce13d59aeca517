namespace SupportFlow.Intake;

/// <summary>
/// The new part of a reply: mail clients quote the whole conversation below (or above) the
/// answer, which the ticket already holds. Cuts at the first quote header or quoted block.
/// </summary>
public static class ReplyText
{
    private static readonly string[] QuoteHeaders =
    [
        "-----Original Message-----", "-----原始邮件-----", "------------------ 原始邮件 ------------------",
        "________________________________",
    ];

    private static readonly string[] QuoteFieldStarts = ["From:", "发件人:", "发件人："];

    public static string NewPart(string body)
    {
        var lines = body.Replace("\r", "", StringComparison.Ordinal).Split('\n');
        var keep = lines.Length;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.StartsWith('>') || QuoteHeaders.Any(h => line.StartsWith(h, StringComparison.Ordinal))
                || (QuoteFieldStarts.Any(f => line.StartsWith(f, StringComparison.OrdinalIgnoreCase)) && i > 0 && lines[i - 1].Trim().Length == 0)
                || IsAttribution(line, i + 1 < lines.Length ? lines[i + 1].Trim() : ""))
            {
                keep = i;
                break;
            }
        }

        var answer = string.Join('\n', lines[..keep]).Trim();
        return answer.Length > 0 ? answer : body.Trim();
    }

    /// <summary>"On Mon, 20 May 2026 Alice wrote:" (possibly wrapped over two lines), "在 ... 写道："</summary>
    private static bool IsAttribution(string line, string next) =>
        (line.StartsWith("On ", StringComparison.Ordinal)
         && (line.EndsWith("wrote:", StringComparison.Ordinal) || next.EndsWith("wrote:", StringComparison.Ordinal)))
        || (line.StartsWith('在') && (line.EndsWith("写道：", StringComparison.Ordinal) || line.EndsWith("写道:", StringComparison.Ordinal)));
}
