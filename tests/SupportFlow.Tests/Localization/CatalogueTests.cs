using System.Text.RegularExpressions;
using SupportFlow.Common;
using SupportFlow.Localization;
using SupportFlow.Notifications;
using SupportFlow.Reviews;
using SupportFlow.Tickets;
using SupportFlow.Users;

namespace SupportFlow.Tests.Localization;

/// <summary>
/// The one text catalogue: every message the code can raise has its Chinese text, and no Chinese
/// text is an English sentence left untranslated.
/// </summary>
public sealed partial class CatalogueTests
{
    [Fact]
    public void EveryMessageKeyRaisedInTheSourceHasAChineseText()
    {
        var keys = MessageKeysInSource();
        Assert.True(keys.Count > 150, $"Only {keys.Count} message keys found: is the source scan broken?");
        var missing = keys.Where(k => Texts.Get(k, Texts.Chinese) == k).ToList();
        Assert.True(missing.Count == 0, "No zh-CN text for:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void EveryWireWordNamedInASentenceHasAnEnglishAndAChineseText()
    {
        var keys = Words<TicketStatus>().Concat(Words<TicketAction>()).Concat(Words<Role>())
            .Concat(Words<ActionStatus>()).Concat(Words<OutboxStatus>()).ToList();
        foreach (var (key, wire) in keys)
        {
            Assert.Equal(wire, Texts.Get(key, Texts.English));
            Assert.NotEqual(key, Texts.Get(key, Texts.Chinese));
            Assert.DoesNotMatch(LatinWord(), Texts.Get(key, Texts.Chinese));
        }
    }

    [Fact]
    public void EveryRefusalOfTheLifecycleTableReadsInChineseWithoutAnEnglishSentence()
    {
        var refusals = 0;
        foreach (var action in Enum.GetValues<TicketAction>())
        {
            foreach (var status in Enum.GetValues<TicketStatus>().Where(s => !TicketTransitions.IsAllowed(action, s)))
            {
                var refusal = new TicketTransitionException("20261207-001", action, status).Text;
                var chinese = refusal.In(Texts.Chinese);
                Assert.Contains("20261207-001", chinese, StringComparison.Ordinal);
                Assert.DoesNotMatch(EnglishSentence(), chinese);
                Assert.Contains($"'{WireNames.Of(action)}' is not allowed", refusal.In(Texts.English), StringComparison.Ordinal);
                refusals++;
            }
        }

        Assert.True(refusals > 20);
    }

    [Fact]
    public void NoChineseTextIsAnEnglishSentence()
    {
        foreach (var key in MessageKeysInSource())
        {
            Assert.DoesNotMatch(EnglishSentence(), Texts.Get(key, Texts.Chinese));
        }
    }

    [Fact]
    public void ValidationMessagesOfTheSharedChecksFollowTheReadersLanguage()
    {
        var errors = new RequestErrors();
        errors.Required("title", null, 10);
        errors.Enum<Priority>("priority", "P9");
        var failure = Assert.Throws<RequestValidationException>(errors.ThrowIfInvalid);

        Assert.Equal("title is required.", failure.Messages["title"][0].In(Texts.English));
        Assert.Equal("此项必填。", failure.Messages["title"][0].In(Texts.Chinese));
        Assert.Contains("P9", failure.Messages["priority"][0].In(Texts.Chinese), StringComparison.Ordinal);
        Assert.DoesNotMatch(EnglishSentence(), failure.Messages["priority"][0].In(Texts.Chinese));
    }

    [Fact]
    public void NoUserFacingMessageIsBuiltFromAnInterpolatedString()
    {
        // An interpolated sentence is its own key: it can never have a translation.
        var interpolated = SourceFiles().SelectMany(f => InterpolatedMessage().Matches(File.ReadAllText(f))
            .Select(m => $"{Path.GetFileName(f)}: {m.Value}")).ToList();
        Assert.True(interpolated.Count == 0, "Messages built with $\"...\":\n" + string.Join("\n", interpolated));
    }

    [Fact]
    public void EveryReminderMailIsWrittenInBothLanguages()
    {
        foreach (var kind in Enum.GetValues<ReminderKind>())
        {
            foreach (var part in new[] { ":subject", ":body" })
            {
                var key = "Reminder:" + WireNames.Of(kind) + part;
                Assert.NotEqual(key, Texts.Get(key, Texts.English));
                Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", Texts.Get(key, Texts.Chinese));
            }
        }
    }

    [Fact]
    public void NoTwoCatalogueKeysDifferOnlyInCase()
    {
        // The resource compiler keeps one of two such keys and drops the other's text with only a warning.
        foreach (var file in Directory.EnumerateFiles(Path.Combine(SourceRoot(), "src", "SupportFlow.Core", "Localization"), "*.resx"))
        {
            var names = CatalogueName().Matches(File.ReadAllText(file)).Select(m => m.Groups["name"].Value).ToList();
            Assert.True(names.Count > 20, $"No keys read from {file}: is the scan broken?");
            var clashes = names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            Assert.True(clashes.Count == 0, $"{Path.GetFileName(file)} holds keys that differ only in case: " + string.Join(", ", clashes));
        }
    }

    private static IEnumerable<(string Key, string Wire)> Words<T>() where T : struct, Enum =>
        Enum.GetValues<T>().Select(v => (LocalizedMessage.WireKey(v), WireNames.Of(v)));

    /// <summary>The literal keys given to the error types and message helpers across src/.</summary>
    private static HashSet<string> MessageKeysInSource()
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in SourceFiles())
        {
            foreach (Match match in KeyUse().Matches(File.ReadAllText(file)))
            {
                keys.Add(Regex.Unescape(match.Groups["key"].Value));
            }
        }

        return keys;
    }

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(Path.Combine(SourceRoot(), "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static string SourceRoot()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "SupportFlow.slnx")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        return root.FullName;
    }

    [GeneratedRegex("""(?:new (?:Common\.)?(?:DomainException|NotFoundException|ForbiddenException|LocalizedMessage)\(|RequestValidationException\("[A-Za-z.]+", |errors\.Add\((?:"[A-Za-z.\[\]0-9]*"|field), |RequireText\(\w+, |problems\.Add\(new\(|StoredFile\.Refused\(name, new\()\s*"(?<key>(?:[^"\\]|\\.)+)"(?=[,)])""")]
    private static partial Regex KeyUse();

    /// <summary>Four English words in a row: a sentence left untranslated (identifiers and wire names stand alone).</summary>
    [GeneratedRegex("[A-Za-z']+ [A-Za-z']+ [A-Za-z']+ [A-Za-z']+")]
    private static partial Regex EnglishSentence();

    [GeneratedRegex("<data name=\"(?<name>[^\"]*)\"")]
    private static partial Regex CatalogueName();

    [GeneratedRegex(@"new (?:Common\.|SupportFlow\.Common\.)?(?:DomainException|NotFoundException|ForbiddenException|LocalizedMessage|RequestValidationException)\(\$|errors\.Add\([^,]+, \$")]
    private static partial Regex InterpolatedMessage();

    [GeneratedRegex("[A-Za-z]")]
    private static partial Regex LatinWord();
}
