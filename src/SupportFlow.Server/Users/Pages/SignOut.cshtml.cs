using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SupportFlow.Server.Web;

namespace SupportFlow.Server.Users.Pages;

/// <summary>Sign-out is a POST (with the antiforgery token), so a link on another site cannot sign anyone out.</summary>
// Anyone may post here, but a signed-in person's cookie must be read: the form's antiforgery token is tied to them.
[AllowAnonymous]
[Authorize(AuthenticationSchemes = WebAuth.Scheme)]
public sealed class SignOutModel : WebPage
{
    public IActionResult OnGet() => LocalRedirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(WebAuth.Scheme);
        return LocalRedirect("/signin");
    }
}
