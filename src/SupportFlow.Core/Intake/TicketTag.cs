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

    [GeneratedRegex(@"\[#\s*(\d{8}-\d{3,})\s*\]", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();
}
