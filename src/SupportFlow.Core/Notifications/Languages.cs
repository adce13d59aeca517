namespace SupportFlow.Notifications;

/// <summary>The languages notifications are written in.</summary>
public static class Languages
{
    public const string Chinese = "zh-CN";
    public const string English = "en";

    public static IReadOnlyList<string> All { get; } = [Chinese, English];

    /// <summary>The canonical spelling of a supported language (zh-cn, zh, EN ...), or null.</summary>
    public static string? Normalize(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "zh-cn" or "zh" or "zh-hans" => Chinese,
        "en" or "en-us" or "en-gb" => English,
        _ => null,
    };
}
