using Microsoft.AspNetCore.Authorization;

namespace SupportFlow.Server.Web.Pages;

/// <summary>
/// The page for an error status of any web page: 404 (missing, or another reporter's ticket:
/// the same answer, so nothing leaks) and 403 (a role opening a page it may not see).
/// </summary>
[AllowAnonymous]
public sealed class StatusModel : WebPage
{
    public int Code { get; private set; }

    public void OnGet(int code)
    {
        Code = code is >= 400 and <= 599 ? code : 404;
        Response.StatusCode = Code;
    }
}
