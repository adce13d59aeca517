using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace SupportFlow.Server.Web.Pages;

/// <summary>The language switch: keeps the choice in a cookie and returns to the page it came from.</summary>
// Anyone may post here, but a signed-in person's cookie must be read: the form's antiforgery token is tied to them.
[AllowAnonymous]
[Authorize(AuthenticationSchemes = WebAuth.Scheme)]
public sealed class LanguageModel : WebPage
{
    public IActionResult OnGet() => LocalRedirect("/");

    public IActionResult OnPost(string? language, string? returnUrl)
    {
        if (UiLanguage.Normalize(language) is { } chosen)
        {
            UiLanguage.Choose(HttpContext, chosen);
        }

        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
