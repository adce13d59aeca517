using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SupportFlow.Server.Web;

namespace SupportFlow.Server.Users.Pages;

/// <summary>
/// Sign-out is a POST (with the antiforgery token), so a link on another site cannot sign anyone out.
/// It ends the session on the server too: the user's security stamp changes, so a copy of the cookie
/// (and the user's sessions in other browsers) no longer works. API tokens are not affected.
/// </summary>
// Anyone may post here, but a signed-in person's cookie must be read: the form's antiforgery token is tied to them.
[AllowAnonymous]
[Authorize(AuthenticationSchemes = WebAuth.Scheme)]
public sealed class SignOutModel(UserAdministration users) : WebPage
{
    public IActionResult OnGet() => LocalRedirect("/");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (User.Identity is { IsAuthenticated: true, Name: { } login })
        {
            await users.EndSessionsAsync(login, ct);
        }

        await HttpContext.SignOutAsync(WebAuth.Scheme);
        return LocalRedirect("/signin");
    }
}
