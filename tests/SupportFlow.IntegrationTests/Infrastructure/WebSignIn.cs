using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SupportFlow.IntegrationTests.Infrastructure;

/// <summary>The web pages driven like a browser: cookie sign-in through the form, and the forms' antiforgery token.</summary>
public static partial class WebSignIn
{
    public const string Password = "secret-password"; // SupportFlowApp.CreateUserAsync's

    /// <summary>A browser-like client (cookies, redirects followed) signed in through the sign-in form.</summary>
    public static async Task<HttpClient> SignInAsync(this SupportFlowApp app, string login, string language = "en")
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = true, HandleCookies = true });
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var form = await client.GetStringAsync("/signin");
        var response = await client.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["login"] = login, ["password"] = Password, ["__csrf"] = Token(form),
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("class=\"who\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        return client;
    }

    /// <summary>The antiforgery token of the (first) form on a page.</summary>
    public static string Token(string html) => TokenPattern().Match(html) is { Success: true } m
        ? WebUtility.HtmlDecode(m.Groups[1].Value)
        : throw new InvalidOperationException("The page has no antiforgery token.");

    [GeneratedRegex("name=\"__csrf\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
