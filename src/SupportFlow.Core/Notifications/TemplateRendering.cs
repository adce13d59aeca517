using System.Globalization;
using System.Text.RegularExpressions;
using SupportFlow.Sla;

namespace SupportFlow.Notifications;

/// <summary>
/// Fills <c>{placeholders}</c> in a template. Every subject starts with <c>[#YYYYMMDD-NNN]</c>,
/// whatever the template says, so replies can be threaded back to the ticket.
/// </summary>
public static partial class TemplateRendering
{
    public static IReadOnlyList<string> Placeholders { get; } =
        ["number", "title", "priority", "status", "module", "team", "assignee", "reporter", "recipient", "feedbackWithin",
            "message", "link", "level", "breachedFor"];

    public static TemplateText Render(TemplateText template, IReadOnlyDictionary<string, string> values)
    {
        var subject = Fill(template.Subject, values);
        var number = values.GetValueOrDefault("number");
        var tag = $"[#{number}]";
        if (number is not null && !subject.Contains(tag, StringComparison.Ordinal))
        {
            subject = $"{tag} {subject}";
        }

        return new TemplateText(subject, Fill(template.Body, values));
    }

    /// <summary>The placeholders a template uses that do not exist (a typo would otherwise be sent as is).</summary>
    public static IReadOnlyList<string> Unknown(string text) =>
        [.. Placeholder().Matches(text).Select(m => m.Groups[1].Value).Where(p => !Placeholders.Contains(p)).Distinct()];

    /// <summary>An SLA target as people read it: "2 hours", "2 小时", "1 个工作日".</summary>
    public static string Duration(SlaTarget target, string language) => target.Words().In(Languages.Culture(language));

    /// <summary>A span of wall-clock time, to the minute: "2 hours 5 minutes", "1 天 3 小时".</summary>
    public static string Elapsed(TimeSpan span, string language)
    {
        var zh = language == Languages.Chinese;
        var minutes = Math.Max(0, (long)span.TotalMinutes);
        (long Amount, string Zh, string En)[] parts = [(minutes / 1440, "天", "day"), (minutes / 60 % 24, "小时", "hour"), (minutes % 60, "分钟", "minute")];
        var named = parts.Where(p => p.Amount > 0)
            .Select(p => zh ? $"{p.Amount.ToString(CultureInfo.InvariantCulture)} {p.Zh}"
                : $"{p.Amount.ToString(CultureInfo.InvariantCulture)} {p.En}{(p.Amount == 1 ? "" : "s")}")
            .ToList();
        return named.Count > 0 ? string.Join(" ", named) : zh ? "0 分钟" : "0 minutes";
    }

    private static string Fill(string text, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var value) ? value : m.Value);

    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9]*)\}")]
    private static partial Regex Placeholder();
}
