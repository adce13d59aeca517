using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Ganss.Xss;

namespace SupportFlow.Server.Intake.Mail;

/// <summary>
/// Turns an HTML-only mail into the plain text a ticket description holds: sanitised first
/// (scripts, styles and event handlers gone), then read as text with paragraphs, line breaks,
/// list items and link targets kept.
/// </summary>
public static class HtmlText
{
    private static readonly HtmlSanitizer Sanitizer = new();

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "header", "footer", "blockquote", "pre", "table", "tr", "ul", "ol",
        "h1", "h2", "h3", "h4", "h5", "h6", "hr", "li",
    };

    public static string ToText(string html)
    {
        var clean = Sanitizer.Sanitize(html);
        var document = new HtmlParser().ParseDocument($"<body>{clean}</body>");
        var text = new StringBuilder();
        Walk(document.Body!, text, preformatted: false);
        return Tidy(text.ToString());
    }

    private static void Walk(INode node, StringBuilder text, bool preformatted)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText t:
                    text.Append(preformatted ? t.Data : CollapseSpaces(t.Data));
                    break;
                case IElement e:
                    Element(e, text, preformatted);
                    break;
            }
        }
    }

    private static void Element(IElement e, StringBuilder text, bool preformatted)
    {
        var tag = e.LocalName;
        if (tag == "br")
        {
            text.Append('\n');
            return;
        }

        var block = Blocks.Contains(tag);
        if (block)
        {
            text.Append('\n');
        }

        if (tag == "li")
        {
            text.Append("- ");
        }
        else if (tag is "td" or "th")
        {
            text.Append(' ');
        }
        else if (tag == "img" && e.GetAttribute("alt") is { Length: > 0 } alt)
        {
            text.Append('[').Append(alt).Append(']');
        }

        Walk(e, text, preformatted || tag == "pre");
        if (tag == "a" && e.GetAttribute("href") is { } href && href.StartsWith("http", StringComparison.OrdinalIgnoreCase)
            && !e.TextContent.Contains(href, StringComparison.Ordinal))
        {
            text.Append(" (").Append(href).Append(')');
        }

        if (block)
        {
            text.Append('\n');
        }
    }

    private static string CollapseSpaces(string s)
    {
        var result = new StringBuilder(s.Length);
        var space = false;
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c) && c != '\u00A0')
            {
                if (!space)
                {
                    result.Append(' ');
                }

                space = true;
            }
            else
            {
                result.Append(c == '\u00A0' ? ' ' : c);
                space = false;
            }
        }

        return result.ToString();
    }

    /// <summary>Trims each line and keeps at most one empty line between paragraphs.</summary>
    private static string Tidy(string text)
    {
        var lines = text.Replace("\r", "", StringComparison.Ordinal).Split('\n').Select(l => l.Trim());
        var result = new StringBuilder();
        var blank = 0;
        foreach (var line in lines)
        {
            blank = line.Length == 0 ? blank + 1 : 0;
            if (blank <= 1)
            {
                result.Append(line).Append('\n');
            }
        }

        return result.ToString().Trim();
    }
}
