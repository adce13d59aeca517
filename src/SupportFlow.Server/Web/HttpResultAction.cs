using Microsoft.AspNetCore.Mvc;

namespace SupportFlow.Server.Web;

/// <summary>
/// Lets a page handler answer with the same <see cref="IResult"/> as the API (a streamed download):
/// Razor Pages accept only <see cref="IActionResult"/> from a handler.
/// </summary>
public sealed class HttpResultAction(IResult result) : IActionResult
{
    public Task ExecuteResultAsync(ActionContext context) => result.ExecuteAsync(context.HttpContext);
}
