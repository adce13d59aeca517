using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SupportFlow.IntegrationTests.Infrastructure;
using SupportFlow.IntegrationTests.Tickets;

namespace SupportFlow.IntegrationTests.Reviews;

public static class ReviewTestKit
{
    /// <summary>Alice reports a ticket at <paramref name="priority"/> and it is walked to closed by eng1.</summary>
    public static async Task<string> ClosedTicketAsync(this Desk desk, string priority, string? title = null, string? description = null)
    {
        var number = await desk.ReportAsync(change: r =>
        {
            r["priority"] = priority;
            r["title"] = title ?? r["title"]!.GetValue<string>();
            r["description"] = description ?? r["description"]!.GetValue<string>();
        });
        await desk.MoveAsync(number, Stage.Closed, desk.Alice);
        return number;
    }

    /// <summary>The reviews that cover a ticket, as the supervisor's list shows them.</summary>
    public static async Task<List<JsonObject>> ReviewsOfAsync(this Desk desk, string number, string query = "") =>
        [.. (await (await desk.Supervisor.GetAsync($"/api/reviews?ticket={number}{query}")).JsonArray()).Select(r => r!.AsObject())];

    public static async Task<JsonObject> ReviewAsync(this Desk desk, int id) =>
        await (await desk.Supervisor.GetAsync($"/api/reviews/{id}")).Json(HttpStatusCode.OK);

    /// <summary>A supervisor requests a review of a fresh ticket; returns its id.</summary>
    public static async Task<int> RequestedReviewAsync(this Desk desk)
    {
        var number = await desk.ReportAsync(change: r => r["priority"] = "P3");
        var review = await (await desk.Supervisor.PostAsJsonAsync("/api/reviews",
            new { tickets = new[] { number }, reason = "Third time this month" })).Json(HttpStatusCode.Created);
        return review["id"]!.GetValue<int>();
    }

    public static async Task<JsonObject> AddActionAsync(this Desk desk, int review, string owner, string dueDate,
        string description = "Add a login how-to video") =>
        await (await desk.Supervisor.PostAsJsonAsync($"/api/reviews/{review}/actions",
            new { description, owner, dueDate })).Json(HttpStatusCode.Created);

    public static int Num(this JsonNode? node, string name) => node![name]!.GetValue<int>();
}
