using System.Globalization;
using Microsoft.AspNetCore.Localization;
using SupportFlow.Localization;
using SupportFlow.Server.Auth;

namespace SupportFlow.Server.Web;

/// <summary>
/// The language of a request, by ASP.NET Core's request localization: the one chosen with the
/// page's language switch (the <c>sf-lang</c> cookie), else the request's Accept-Language, else the
/// signed-in person's saved language, else English. Only zh-CN and English exist; zh, zh-Hans,
/// en-GB... fall back to them.
/// </summary>
public static class UiLanguage
{
    public const string Cookie = "sf-lang";
    public const string Chinese = "zh-CN";
    public const string English = "en";

    public static IApplicationBuilder UseUiLanguage(this IApplicationBuilder app) =>
        app.UseRequestLocalization(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Texts.English);
            o.SupportedCultures = o.SupportedUICultures = [.. Texts.Cultures];
            o.FallBackToParentCultures = o.FallBackToParentUICultures = true;
            o.RequestCultureProviders =
            [
                new CookieRequestCultureProvider { CookieName = Cookie },
                // Not AcceptLanguageHeaderRequestCultureProvider: it falls back from zh-CN to zh, never from zh, zh-Hans
                // or zh-TW to our one Chinese, so a browser saying "zh" would get English.
                new CustomRequestCultureProvider(AcceptedLanguage),
                new CustomRequestCultureProvider(SavedLanguage),
            ];
        });

    /// <summary>The request's language: zh-CN or en.</summary>
    public static string Of(HttpContext http) =>
        http.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture is { } culture ? TagOf(culture) : English;

    public static CultureInfo CultureOf(HttpContext http) =>
        http.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture ?? Texts.English;

    /// <summary>zh, zh-CN, zh-Hans... are Chinese; en-* is English; anything else is not ours.</summary>
    public static string? Normalize(string? tag) => tag?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        var t when t == "zh" || t.StartsWith("zh-", StringComparison.Ordinal) => Chinese,
        var t when t == "en" || t.StartsWith("en-", StringComparison.Ordinal) => English,
        _ => null,
    };

    public static void Choose(HttpContext http, string language) =>
        http.Response.Cookies.Append(Cookie, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language)), new CookieOptions
        {
            HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, MaxAge = TimeSpan.FromDays(365),
        });

    /// <summary>For the header used in Content-Language and the html lang attribute.</summary>
    public static string HtmlLang(string language) => language == Chinese ? "zh-CN" : "en";

    private static string TagOf(CultureInfo culture) => culture.Name.StartsWith("zh", StringComparison.Ordinal) ? Chinese : English;

    /// <summary>The browser's most preferred language that is one of ours, by <see cref="Normalize"/>.</summary>
    private static Task<ProviderCultureResult?> AcceptedLanguage(HttpContext http) =>
        Task.FromResult(http.Request.GetTypedHeaders().AcceptLanguage
            .Where(l => l.Quality is not 0)
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => Normalize(l.Value.Value))
            .FirstOrDefault(l => l is not null) is { } accepted
            ? new ProviderCultureResult(accepted)
            : null);

    private static Task<ProviderCultureResult?> SavedLanguage(HttpContext http) =>
        Task.FromResult(Normalize(http.User.FindFirst(ActorClaims.LanguageClaim)?.Value) is { } saved
            ? new ProviderCultureResult(saved)
            : null);
}
