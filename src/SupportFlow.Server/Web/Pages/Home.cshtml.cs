using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace SupportFlow.Server.Web.Pages;

/// <summary>The start page depends on the role: reporters see their tickets, staff their queues.</summary>
[Authorize(Policy = WebAuth.SignedIn)]
public sealed class HomeModel : WebPage
{
    public IActionResult OnGet() => LocalRedirect(Actor.IsStaff ? "/console" : "/my");
}
