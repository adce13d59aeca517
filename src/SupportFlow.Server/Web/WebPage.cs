using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SupportFlow.Common;
using SupportFlow.Server.Auth;
using SupportFlow.Users;

namespace SupportFlow.Server.Web;

/// <summary>
/// What every page shares: the signed-in actor, and running a form's action so that the API's
/// own validation and domain errors come back as messages next to the form's fields.
/// </summary>
public abstract class WebPage : PageModel
{
    /// <summary>The form that was posted and failed, whose values and messages the page shows again.</summary>
    public FormState? Failed { get; private set; }

    /// <summary>A one-time message after a successful action (post-redirect-get).</summary>
    [TempData]
    public string? Notice { get; set; }

    public Actor Actor => User.ToActor();

    /// <summary>Set when the page found nothing the person may see: the page shows the 404 message instead.</summary>
    public bool Missing { get; private set; }

    /// <summary>The same answer for a missing ticket and another reporter's ticket, so nothing leaks.</summary>
    protected IActionResult MissingPage()
    {
        Missing = true;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    /// <summary>The form helper for one form of the page: its values and messages if it was the one that failed.</summary>
    public FormView Form(string name) =>
        new(name, Failed?.Name == name ? Failed : null);

    /// <summary>The posted value of a field, as a request record takes it (null when absent).</summary>
    protected string? Posted(string field) =>
        Request.HasFormContentType && Request.Form.TryGetValue(field, out var value) ? value.ToString() : null;

    /// <summary>
    /// Runs an action. Invalid input, a refused transition or a refused permission leaves the
    /// data untouched and shows the page again with the messages; a missing ticket is a 404.
    /// </summary>
    protected async Task<IActionResult> AttemptAsync(string form, Func<Task<IActionResult>> action, Func<Task> reload)
    {
        var state = new FormState(form, Request.HasFormContentType
            ? Request.Form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal)
            : []);
        try
        {
            return await action();
        }
        catch (RequestValidationException e)
        {
            foreach (var (field, messages) in e.Errors)
            {
                state.Errors[field] = messages;
            }
        }
        catch (LocalizedException e) when (e is DomainException or ForbiddenException)
        {
            state.Problem = e.Text.Localized;
        }

        Failed = state;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        await reload();
        return Page();
    }
}

/// <summary>A failed form: what was typed and what was wrong, per field.</summary>
public sealed class FormState(string name, Dictionary<string, string> values)
{
    public string Name { get; } = name;

    public Dictionary<string, string> Values { get; } = values;

    public Dictionary<string, string[]> Errors { get; } = new(StringComparer.Ordinal);

    /// <summary>A message about the form as a whole (the ticket's status refuses the action, ...).</summary>
    public string? Problem { get; set; }
}
