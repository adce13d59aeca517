using System.Globalization;

namespace SupportFlow.Localization;

/// <summary>
/// A message of the catalogue (<see cref="Texts"/>) and its arguments, put into words only where
/// the reader's language is known: the API's problem details, a page, a mail. Domain and
/// validation errors carry one instead of an English sentence.
/// </summary>
public sealed class LocalizedMessage(string key, params object?[] args)
{
    public string Key { get; } = key;

    public IReadOnlyList<object?> Args { get; } = args;

    public string In(CultureInfo culture) => Texts.Format(culture, Key, Args);

    /// <summary>In the current request's language (set by request localization; English elsewhere).</summary>
    public string Localized => In(CultureInfo.CurrentUICulture);

    /// <summary>English: logs and exception messages.</summary>
    public override string ToString() => In(Texts.English);

    /// <summary>A word of the catalogue used as an argument, translated with the sentence.</summary>
    public static LocalizedMessage Word(string english) => new(english);

    /// <summary>
    /// An enum value named in a sentence (a ticket's status, an action): key <c>TicketStatus:inProgress</c>,
    /// whose English text is the wire name, as the API spells it, and whose Chinese text is the word on the pages.
    /// </summary>
    public static LocalizedMessage Wire<T>(T value) where T : struct, Enum => new(WireKey(value));

    public static string WireKey<T>(T value) where T : struct, Enum => typeof(T).Name + ":" + Common.WireNames.Of(value);
}
