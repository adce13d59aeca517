using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SupportFlow.IntegrationTests.Infrastructure;

/// <summary>Driving the web pages like a browser: cookie sign-in, forms posted with their antiforgery token.</summary>
public static partial class WebPages
{
    private const string Password = "secret-password"; // SupportFlowApp.CreateUserAsync's

    /// <summary>A browser-like client (cookies, redirects followed) signed in through the sign-in form.</summary>
    public static async Task<HttpClient> SignInAsync(this SupportFlowApp app, string login, string language = "en")
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = true, HandleCookies = true });
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var form = await client.GetStringAsync("/signin");
        var response = await client.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["login"] = login, ["password"] = Password, ["__csrf"] = AntiforgeryToken(form),
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("class=\"who\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        return client;
    }

    public static string AntiforgeryToken(string html) => TokenPattern().Match(html) is { Success: true } m
        ? WebUtility.HtmlDecode(m.Groups[1].Value)
        : throw new InvalidOperationException("The page has no antiforgery token.");

    [GeneratedRegex("name=\"__csrf\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
