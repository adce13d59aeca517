using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace SupportFlow.Server.Web.Pages;

/// <summary>Any other address (the route of least precedence): a 404 page, except under /api, which answers problem details.</summary>
[AllowAnonymous]
public sealed class MissingModel : WebPage
{
    public IActionResult OnGet(string? path)
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return path is not null && (path == "api" || path.StartsWith("api/", StringComparison.OrdinalIgnoreCase))
            ? NotFound()
            : Page();
    }
}
