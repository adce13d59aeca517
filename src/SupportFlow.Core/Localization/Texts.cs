using System.Globalization;
using System.Resources;

namespace SupportFlow.Localization;

/// <summary>
/// The product's one text catalogue (Texts.resx, Texts.zh-CN.resx), read by ASP.NET Core's
/// <c>IStringLocalizer&lt;Texts&gt;</c> for the pages, and here with an explicit culture where the
/// reader is not the current thread's (problem details, written outside request localization).
/// A key is the English sentence itself (placeholders {0}, {1}...), so code reads naturally and a
/// missing translation shows English; Texts.resx holds English only where the key is not the text
/// (the wire words of <see cref="LocalizedMessage.Wire{T}"/>).
/// </summary>
public sealed class Texts
{
    private Texts()
    {
    }

    public static CultureInfo English { get; } = CultureInfo.GetCultureInfo("en");

    public static CultureInfo Chinese { get; } = CultureInfo.GetCultureInfo("zh-CN");

    public static IReadOnlyList<CultureInfo> Cultures { get; } = [English, Chinese];

    internal static ResourceManager Resources { get; } = new("SupportFlow.Localization.Texts", typeof(Texts).Assembly);

    /// <summary>The text of <paramref name="key"/> in <paramref name="culture"/>; the key itself when none is written.</summary>
    public static string Get(string key, CultureInfo culture) => Resources.GetString(key, culture) ?? key;

    /// <summary>A sentence with its arguments; an argument that is itself a <see cref="LocalizedMessage"/> is put in the same language.</summary>
    public static string Format(CultureInfo culture, string key, IReadOnlyList<object?> args)
    {
        var text = Get(key, culture);
        if (args.Count == 0)
        {
            return text;
        }

        var values = args.Select(a => a is LocalizedMessage m ? m.In(culture) : a).ToArray();
        return string.Format(culture, text, values);
    }
}
