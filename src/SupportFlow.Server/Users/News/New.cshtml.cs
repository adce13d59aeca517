using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SupportFlow.Server.Web;

namespace SupportFlow.Server.Users.News;

/// <summary>
/// What is new for the person since they last looked (<see cref="PersonalNews"/>). Opening it marks
/// everything it lists as seen, so the top bar's badge starts counting again from this visit; what is
/// written while the page loads is after its cut-off and stays new.
/// </summary>
[Authorize(Policy = WebAuth.SignedIn)]
public sealed class NewModel(PersonalNews news, TimeProvider clock) : WebPage
{
    public IReadOnlyList<NewsItem> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var until = clock.GetUtcNow();
        Items = await news.ListAsync(Actor, until, ct);
        await news.MarkSeenAsync(Actor, until, ct);
        return Page();
    }

    public static string Describe(NewsItem item, UiText text) => item.Kind switch
    {
        NewsKind.NewTicket => text.Format("New ticket from {0}", item.ActorName),
        NewsKind.AssignedToYou => text.Format("{0} assigned it to you", item.ActorName),
        NewsKind.Reply => text.Format("Reply from {0}", item.ActorName),
    };
}
