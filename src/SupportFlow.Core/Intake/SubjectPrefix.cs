using System.Text.RegularExpressions;

namespace SupportFlow.Intake;

/// <summary>A subject without reply/forward prefixes (Re:, Fwd:, 回复:, 转发:, ...) and ticket tags: the title it gives.</summary>
public static partial class SubjectPrefix
{
    public static string Strip(string subject)
    {
        var s = Tag().Replace(subject, " ").Trim();
        string before;
        do
        {
            before = s;
            s = Prefix().Replace(s, "").Trim();
        }
        while (s != before);

        return Spaces().Replace(s, " ");
    }

    [GeneratedRegex(@"^(re|fw|fwd|aw|wg|sv|回复|答复|回覆|转发|轉寄)\s*(\[\d+\])?\s*[:：]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Prefix();

    [GeneratedRegex(@"\[#\s*\d{8}-\d{3,}\s*\]", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Spaces();
}
