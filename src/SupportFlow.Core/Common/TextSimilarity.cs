using System.Globalization;
using System.Text;

namespace SupportFlow.Common;

/// <summary>
/// Language-neutral text matching without a dictionary: a run of CJK characters becomes its
/// overlapping character pairs (打印机卡纸 -> 打印 印机 机卡 卡纸), a run of letters or digits
/// becomes one lower-case word. Chinese has no spaces, and pairs of characters match Chinese
/// words well; English words match as words. Pure, so it is unit-tested directly.
/// </summary>
public static class TextSimilarity
{
    public static HashSet<string> Tokens(string? text)
    {
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        var word = new StringBuilder();
        var cjk = new StringBuilder();
        foreach (var c in (text ?? "").Normalize(NormalizationForm.FormKC))
        {
            if (IsCjk(c))
            {
                FlushWord(word, tokens);
                cjk.Append(c);
            }
            else
            {
                FlushCjk(cjk, tokens);
                if (char.IsLetterOrDigit(c))
                {
                    word.Append(char.ToLower(c, CultureInfo.InvariantCulture));
                }
                else
                {
                    FlushWord(word, tokens);
                }
            }
        }

        FlushWord(word, tokens);
        FlushCjk(cjk, tokens);
        return tokens;
    }

    /// <summary>Dice's coefficient of the two token sets: 1 for the same text, 0 for nothing in common.</summary>
    public static double Dice(IReadOnlySet<string> a, IReadOnlySet<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        var common = a.Count(b.Contains);
        return 2.0 * common / (a.Count + b.Count);
    }

    /// <summary>How much of <paramref name="query"/> the <paramref name="document"/> contains: 1 when all of it.</summary>
    public static double Containment(IReadOnlySet<string> query, IReadOnlySet<string> document) =>
        query.Count == 0 ? 0 : (double)query.Count(document.Contains) / query.Count;

    private static void FlushWord(StringBuilder word, HashSet<string> tokens)
    {
        if (word.Length > 0)
        {
            tokens.Add(word.ToString());
            word.Clear();
        }
    }

    /// <summary>A run of CJK characters: its overlapping pairs, or the character itself when it stands alone.</summary>
    private static void FlushCjk(StringBuilder run, HashSet<string> tokens)
    {
        if (run.Length == 1)
        {
            tokens.Add(run.ToString());
        }

        for (var i = 0; i + 1 < run.Length; i++)
        {
            tokens.Add(string.Concat(run[i], run[i + 1]));
        }

        run.Clear();
    }

    private static bool IsCjk(char c) =>
        c is >= '\u4E00' and <= '\u9FFF'      // CJK unified ideographs
            or >= '\u3400' and <= '\u4DBF'    // extension A
            or >= '\u3040' and <= '\u30FF'    // kana
            or >= '\uAC00' and <= '\uD7AF'    // hangul
            or >= '\uF900' and <= '\uFAFF';   // compatibility ideographs
}
