using System.Globalization;
using System.Text;

namespace SupportFlow.Search;

/// <summary>
/// How text becomes search tokens, the same for indexing and for queries, so that both
/// databases only ever compare whole tokens. Chinese, Japanese and Korean have no spaces
/// between words, so a CJK run is indexed as overlapping bigrams (Lucene's CJK analyzer):
/// "验证码错误" -> 验证 证码 码错 错误, and the query 验证码 becomes the phrase "验证 证码".
/// The last character of every CJK run is also indexed alone, so each character starts some
/// token and a one-character query is a prefix search (卡 -> 卡*). Other text becomes
/// lower-cased words of letters and digits, NFKC-normalised (full-width ＡＢＣ１２ is abc12)
/// and without diacritics (café is cafe).
/// </summary>
public static class SearchTokens
{
    /// <summary>Longer words are cut: nobody types them, and they would bloat the index.</summary>
    public const int MaxWordLength = 64;

    /// <summary>The index form of a text: its tokens separated by single spaces ("" for none).</summary>
    public static string Index(string? text)
    {
        var builder = new StringBuilder();
        foreach (var run in Runs(text))
        {
            foreach (var token in run.IsCjk ? IndexCjk(run.Text) : [run.Text])
            {
                if (builder.Length > 0)
                {
                    builder.Append(' ');
                }

                builder.Append(token);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// A query: every whitespace-separated term must match (AND). Within a term, a CJK run is a
    /// phrase of its bigrams (one character: a prefix), and the words joined by punctuation are
    /// a phrase ("v3.2" is "v3" followed by "2"). Empty when the query has no letters or digits.
    /// </summary>
    public static IReadOnlyList<SearchPhrase> Query(string? query)
    {
        var phrases = new List<SearchPhrase>();
        foreach (var term in (query ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var words = new List<string>();
            foreach (var run in Runs(term))
            {
                if (!run.IsCjk)
                {
                    words.Add(run.Text);
                    continue;
                }

                Flush(words, phrases);
                var chars = Elements(run.Text);
                phrases.Add(chars.Count == 1
                    ? new SearchPhrase([run.Text], IsPrefix: true)
                    : new SearchPhrase(Bigrams(chars), IsPrefix: false));
            }

            Flush(words, phrases);
        }

        return phrases.Distinct().ToList();
    }

    private static void Flush(List<string> words, List<SearchPhrase> phrases)
    {
        if (words.Count > 0)
        {
            phrases.Add(new SearchPhrase([.. words], IsPrefix: false));
            words.Clear();
        }
    }

    private static List<string> IndexCjk(string run)
    {
        var chars = Elements(run);
        return chars.Count == 1 ? chars : [.. Bigrams(chars), chars[^1]];
    }

    private static List<string> Bigrams(List<string> chars)
    {
        var bigrams = new List<string>(chars.Count - 1);
        for (var i = 0; i + 1 < chars.Count; i++)
        {
            bigrams.Add(chars[i] + chars[i + 1]);
        }

        return bigrams;
    }

    /// <summary>The characters of a CJK run as strings (a character beyond the BMP is two chars).</summary>
    private static List<string> Elements(string run)
    {
        var elements = new List<string>(run.Length);
        foreach (var rune in run.EnumerateRunes())
        {
            elements.Add(rune.ToString());
        }

        return elements;
    }

    /// <summary>Maximal runs of CJK characters, or of letters and digits (a word), in normalised text.</summary>
    private static IEnumerable<(string Text, bool IsCjk)> Runs(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            yield break;
        }

        var normalised = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var current = new StringBuilder();
        var currentIsCjk = false;
        foreach (var rune in normalised.EnumerateRunes())
        {
            var kind = Classify(rune);
            if (kind == CharKind.Separator || (current.Length > 0 && (kind == CharKind.Cjk) != currentIsCjk && kind != CharKind.Mark))
            {
                if (current.Length > 0)
                {
                    yield return Finish(current, currentIsCjk);
                }

                current.Clear();
                if (kind == CharKind.Separator)
                {
                    continue;
                }
            }

            if (kind == CharKind.Mark)
            {
                // A combining mark belongs to the word before it (and is folded away); alone it is nothing.
                if (current.Length > 0 && !currentIsCjk)
                {
                    current.Append(rune.ToString());
                }

                continue;
            }

            currentIsCjk = kind == CharKind.Cjk;
            current.Append(rune.ToString());
        }

        if (current.Length > 0)
        {
            yield return Finish(current, currentIsCjk);
        }
    }

    private static (string, bool) Finish(StringBuilder run, bool isCjk)
    {
        if (isCjk)
        {
            return (run.ToString(), true);
        }

        var word = WithoutDiacritics(run.ToString());
        return (word.Length > MaxWordLength ? word[..MaxWordLength] : word, false);
    }

    private static string WithoutDiacritics(string word)
    {
        if (word.All(char.IsAscii))
        {
            return word;
        }

        var decomposed = word.Normalize(NormalizationForm.FormKD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark))
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    private enum CharKind
    {
        Separator,
        Word,
        Cjk,
        Mark,
    }

    private static CharKind Classify(Rune rune)
    {
        if (IsCjk(rune.Value))
        {
            return CharKind.Cjk;
        }

        if (Rune.IsLetterOrDigit(rune))
        {
            return CharKind.Word;
        }

        return Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
            ? CharKind.Mark
            : CharKind.Separator;
    }

    /// <summary>Han ideographs, kana and Hangul: the scripts written without spaces between words.</summary>
    private static bool IsCjk(int c) =>
        c is (>= 0x4E00 and <= 0x9FFF)      // CJK unified ideographs
            or (>= 0x3400 and <= 0x4DBF)    // extension A
            or (>= 0x20000 and <= 0x3FFFF)  // extensions B and beyond
            or (>= 0xF900 and <= 0xFAFF)    // compatibility ideographs
            or (>= 0x3040 and <= 0x30FF)    // hiragana, katakana
            or (>= 0x31F0 and <= 0x31FF)    // katakana extensions
            or (>= 0xAC00 and <= 0xD7AF)    // Hangul syllables
            or (>= 0x1100 and <= 0x11FF)    // Hangul jamo
            or (>= 0x3130 and <= 0x318F)    // Hangul compatibility jamo
            or 0x3005 or 0x3007;            // 々 〇
}

/// <summary>Tokens that must appear next to each other, in order; a prefix phrase is one token matched as a prefix.</summary>
public sealed record SearchPhrase(IReadOnlyList<string> Tokens, bool IsPrefix)
{
    public bool Equals(SearchPhrase? other) =>
        other is not null && IsPrefix == other.IsPrefix && Tokens.SequenceEqual(other.Tokens);

    public override int GetHashCode() => HashCode.Combine(IsPrefix, string.Join(' ', Tokens));
}
