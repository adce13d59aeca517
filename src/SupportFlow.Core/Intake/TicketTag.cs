using System.Text.RegularExpressions;

namespace SupportFlow.Intake;

/// <summary>
/// The ticket number in brackets that outgoing mail puts in its subject (<c>[#20260520-001]</c>),
/// so a reply finds its ticket even when the mail client drops In-Reply-To.
/// </summary>
public static partial class TicketTag
{
    public static string For(string number) => $"[#{number}]";

    /// <summary>The number of the last tag in the subject (the newest after forwards), or null.</summary>
    public static string? Find(string? subject)
    {
        if (string.IsNullOrEmpty(subject))
        {
            return null;
        }

        var matches = Tag().Matches(subject);
        return matches.Count == 0 ? null : matches[^1].Groups[1].Value;
    }

    /// <summary>In chat, people write the number as <c>#20260520-001</c>, without brackets.</summary>
    public static string? FindInChat(string? text)
    {
        var match = string.IsNullOrEmpty(text) ? null : ChatTag().Match(text);
        return match is { Success: true } ? match.Groups[1].Value : Find(text);
    }

    [GeneratedRegex(@"\[#\s*(\d{8}-\d{3,})\s*\]", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    [GeneratedRegex(@"(?<![\w#])#(\d{8}-\d{3,})(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex ChatTag();
}
