using Microsoft.AspNetCore.Authorization;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Server.Web;

namespace SupportFlow.Server.Reviews.Pages;

/// <summary>
/// Post-incident reviews: the open ones (or done, or all), the overdue preventive actions across
/// them, and the signed-in person's own open actions. Read through the API's own queries.
/// </summary>
[Authorize(Policy = WebAuth.Staff)]
public sealed class ReviewsModel(SupportFlowDbContext db, OrganizationTime org, TimeProvider clock) : WebPage
{
    public string Show { get; private set; } = "open";

    public IReadOnlyList<ReviewResponse> Reviews { get; private set; } = [];

    public IReadOnlyList<PreventiveActionResponse> Overdue { get; private set; } = [];

    public IReadOnlyList<PreventiveActionResponse> Mine { get; private set; } = [];

    public async Task OnGetAsync(string? show, CancellationToken ct)
    {
        Show = show is "done" or "all" ? show : "open";
        Reviews = (await ReviewsApi.List(Show == "all" ? null : Show, null, null, db, org, clock, ct)).Value!;
        Overdue = (await ReviewsApi.Actions(null, "open", true, HttpContext, db, org, clock, ct)).Value!;
        Mine = (await ReviewsApi.Actions("me", "open", null, HttpContext, db, org, clock, ct)).Value!;
    }
}
