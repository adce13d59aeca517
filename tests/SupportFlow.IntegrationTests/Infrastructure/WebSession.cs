using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace SupportFlow.IntegrationTests.Infrastructure;

/// <summary>A browser whose cookies the test can read: to save a session cookie and replay it later, as a thief would.</summary>
public sealed class WebSession(SupportFlowApp app)
{
    public const string CookieName = "sf-session";

    private readonly CookieContainer _jar = new();

    /// <summary>Posts the sign-in form; returns the page answered (422 with the message when refused).</summary>
    public static async Task<HttpResponseMessage> PostSignInAsync(HttpClient client, string login, string password)
    {
        var form = await client.GetStringAsync("/signin");
        return await client.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["login"] = login, ["password"] = password, ["__csrf"] = WebSignIn.Token(form),
        }));
    }

    /// <summary>A fresh client with its own cookies and no redirects followed.</summary>
    public static HttpClient Browser(SupportFlowApp app) =>
        app.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(new CookieContainer()));

    /// <summary>Signs in through the form and returns the session cookie's value.</summary>
    public async Task<string> SignInAsync(string login, string password = WebSignIn.Password)
    {
        var client = app.CreateDefaultClient(new Uri("http://localhost"), new RedirectHandler(), new CookieContainerHandler(_jar));
        var response = await PostSignInAsync(client, login, password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return _jar.GetCookies(new Uri("http://localhost"))[CookieName]?.Value
               ?? throw new InvalidOperationException("no session cookie after signing in");
    }

    /// <summary>Signs out with the session: the sign-out form on a signed-in page, posted with its antiforgery token.</summary>
    public async Task SignOutAsync()
    {
        var client = app.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(_jar));
        var page = await client.GetStringAsync("/console");
        var response = await client.PostAsync("/signout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__csrf"] = WebSignIn.Token(page),
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/signin", response.Headers.Location?.OriginalString);
    }

    /// <summary>Whether a saved session cookie (of a staff member) still opens the console (replayed by a client that keeps no cookies).</summary>
    public async Task<bool> StillWorksAsync(string cookie)
    {
        using var thief = app.CreateDefaultClient(new Uri("http://localhost"));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/console");
        request.Headers.Add("Cookie", $"{CookieName}={cookie}");
        var response = await thief.SendAsync(request);
        return response.StatusCode == HttpStatusCode.OK;
    }
}
