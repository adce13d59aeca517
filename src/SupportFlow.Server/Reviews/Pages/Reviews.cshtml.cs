using Microsoft.AspNetCore.Authorization;
using SupportFlow.Server.Web;

namespace SupportFlow.Server.Reviews.Pages;

/// <summary>
/// Post-incident reviews: the open ones (or done, or all), the overdue preventive actions across
/// them, and the signed-in person's own open actions. Read through the same queries as the API.
/// </summary>
[Authorize(Policy = WebAuth.Staff)]
public sealed class ReviewsModel(ReviewWork reviews) : WebPage
{
    public string Show { get; private set; } = "open";

    public IReadOnlyList<ReviewResponse> Reviews { get; private set; } = [];

    public IReadOnlyList<PreventiveActionResponse> Overdue { get; private set; } = [];

    public IReadOnlyList<PreventiveActionResponse> Mine { get; private set; } = [];

    public async Task OnGetAsync(string? show, CancellationToken ct)
    {
        Show = show is "done" or "all" ? show : "open";
        Reviews = await reviews.ListAsync(Show == "all" ? null : Show, null, null, ct);
        Overdue = await reviews.ActionsAsync(Actor, null, "open", true, ct);
        Mine = await reviews.ActionsAsync(Actor, "me", "open", null, ct);
    }
}
