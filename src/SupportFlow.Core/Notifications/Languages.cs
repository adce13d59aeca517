namespace SupportFlow.Notifications;

/// <summary>The languages notifications are written in.</summary>
public static class Languages
{
    public const string Chinese = "zh-CN";
    public const string English = "en";

    public static IReadOnlyList<string> All { get; } = [Chinese, English];

    /// <summary>The catalogue's culture of a supported language; English for any other.</summary>
    public static System.Globalization.CultureInfo Culture(string? language) =>
        Normalize(language) == Chinese ? Localization.Texts.Chinese : Localization.Texts.English;

    /// <summary>The canonical spelling of a supported language (zh-cn, zh, EN ...), or null.</summary>
    public static string? Normalize(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "zh-cn" or "zh" or "zh-hans" => Chinese,
        "en" or "en-us" or "en-gb" => English,
        _ => null,
    };
}
