namespace SupportFlow.Server.Web;

/// <summary>
/// The page language: the one chosen with the language switch (kept in a cookie), else the
/// browser's preference (Accept-Language), else English. Only zh-CN and English exist.
/// </summary>
public static class UiLanguage
{
    public const string Cookie = "sf-lang";
    public const string Chinese = "zh-CN";
    public const string English = "en";

    public static string Of(HttpContext http)
    {
        if (Normalize(http.Request.Cookies[Cookie]) is { } chosen)
        {
            return chosen;
        }

        var accepted = http.Request.GetTypedHeaders().AcceptLanguage
            .Where(l => l.Quality is not 0)
            .OrderByDescending(l => l.Quality ?? 1);
        foreach (var language in accepted)
        {
            if (Normalize(language.Value.Value) is { } preferred)
            {
                return preferred;
            }
        }

        return English;
    }

    /// <summary>zh, zh-CN, zh-Hans... are Chinese; en-* is English; anything else is not ours.</summary>
    public static string? Normalize(string? tag) => tag?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        var t when t == "zh" || t.StartsWith("zh-", StringComparison.Ordinal) => Chinese,
        var t when t == "en" || t.StartsWith("en-", StringComparison.Ordinal) => English,
        _ => null,
    };

    public static void Choose(HttpContext http, string language) =>
        http.Response.Cookies.Append(Cookie, language, new CookieOptions
        {
            HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, MaxAge = TimeSpan.FromDays(365),
        });

    /// <summary>For the header used in Content-Language and the html lang attribute.</summary>
    public static string HtmlLang(string language) => language == Chinese ? "zh-CN" : "en";
}
