using Ganss.Xss;
using Markdig;

namespace SupportFlow.Knowledge;

/// <summary>
/// Markdown to HTML that is safe to put in a page: Markdig renders (tables, task lists, ...),
/// then HtmlSanitizer removes scripts, event handlers and javascript: links, whatever the author
/// (or a pasted log) wrote.
/// </summary>
public static class ArticleMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    // The maintainers test one shared instance across threads; it is configured once, here.
    private static readonly HtmlSanitizer Sanitizer = new();

    public static string ToSafeHtml(string markdown) => Sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline));
}
