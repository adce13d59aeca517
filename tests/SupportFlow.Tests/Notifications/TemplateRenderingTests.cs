using SupportFlow.Notifications;
using SupportFlow.Sla;

namespace SupportFlow.Tests.Notifications;

public sealed class TemplateRenderingTests
{
    private static readonly Dictionary<string, string> Values = new(StringComparer.Ordinal)
    {
        ["number"] = "20260520-007",
        ["title"] = "Printer jam",
        ["assignee"] = "王工",
    };

    [Fact]
    public void TheSubjectAlwaysCarriesTheTicketNumberTagEvenIfTheTemplateForgetsIt()
    {
        var text = TemplateRendering.Render(new TemplateText("About {title}", "Owner: {assignee}"), Values);

        Assert.Equal("[#20260520-007] About Printer jam", text.Subject);
        Assert.Equal("Owner: 王工", text.Body);
    }

    [Fact]
    public void ATemplateThatPlacesTheTagItselfIsNotTaggedTwice()
    {
        var text = TemplateRendering.Render(new TemplateText("{title} [#{number}]", ""), Values);

        Assert.Equal("Printer jam [#20260520-007]", text.Subject);
    }

    [Fact]
    public void UnknownPlaceholdersAreReportedSoATypoIsNotSent()
    {
        Assert.Equal(["titel"], TemplateRendering.Unknown("{titel} for {assignee}"));
        Assert.Empty(TemplateRendering.Unknown("{number} {title} {feedbackWithin} {link}"));
    }

    [Theory]
    [InlineData(240, "en", "4 hours")]
    [InlineData(240, "zh-CN", "4 小时")]
    [InlineData(60, "en", "1 hour")]
    [InlineData(15, "zh-CN", "15 分钟")]
    public void DurationsReadNaturallyInEachLanguage(int minutes, string language, string expected)
    {
        Assert.Equal(expected, TemplateRendering.Duration(SlaTarget.Minutes(minutes), language));
    }

    [Fact]
    public void BusinessDaysReadAsWorkingDays()
    {
        Assert.Equal("1 个工作日", TemplateRendering.Duration(SlaTarget.BusinessDays(1), Languages.Chinese));
        Assert.Equal("3 business days", TemplateRendering.Duration(SlaTarget.BusinessDays(3), Languages.English));
    }

    [Theory]
    [InlineData(121, "en", "2 hours 1 minute")]
    [InlineData(121, "zh-CN", "2 小时 1 分钟")]
    [InlineData(60, "en", "1 hour")]
    [InlineData(1500, "en", "1 day 1 hour")]
    [InlineData(1500, "zh-CN", "1 天 1 小时")]
    [InlineData(0, "zh-CN", "0 分钟")]
    public void HowLongABreachLastedReadsNaturallyInEachLanguage(int minutes, string language, string expected) =>
        Assert.Equal(expected, TemplateRendering.Elapsed(TimeSpan.FromMinutes(minutes), language));

    [Fact]
    public void EveryEventHasABuiltInTemplateInBothLanguagesUsingOnlyKnownPlaceholders()
    {
        foreach (var e in Enum.GetValues<NotificationEvent>())
        {
            foreach (var language in Languages.All)
            {
                var text = BuiltInTemplates.For(e, language);
                Assert.False(string.IsNullOrWhiteSpace(text.Subject) || string.IsNullOrWhiteSpace(text.Body), $"{e} {language}");
                // A missing catalogue entry reads as its key: the template must be written, in its own language.
                Assert.DoesNotContain(BuiltInTemplates.Key(e), text.Subject + text.Body, StringComparison.Ordinal);
                Assert.Equal(language == Languages.Chinese, System.Text.RegularExpressions.Regex.IsMatch(text.Body, @"\p{IsCJKUnifiedIdeographs}"));
                Assert.Empty(TemplateRendering.Unknown(text.Subject + text.Body));
            }
        }
    }
}
