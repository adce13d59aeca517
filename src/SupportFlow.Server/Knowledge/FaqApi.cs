using Microsoft.AspNetCore.Http.HttpResults;
using SupportFlow.Server.Auth;
using SupportFlow.Server.Web;

namespace SupportFlow.Server.Knowledge;

/// <summary>
/// The FAQ handbook (<c>/api/faq</c>). Everyone signed in reads what their audience may read: an
/// engineers-only article does not exist for a reporter (404 by id, absent from lists, search,
/// suggestions and versions). Staff write; every save is a new version.
/// </summary>
public static class FaqApi
{
    public static void MapFaqApi(this IEndpointRouteBuilder app)
    {
        var faq = app.MapGroup("/api/faq").WithTags("FAQ handbook").RequireAuthorization();
        faq.MapGet("/", List);
        faq.MapGet("/suggest", Suggest);
        faq.MapGet("/draft", Draft).RequireAuthorization(Policies.Staff);
        faq.MapGet("/{id:int}", Get);
        faq.MapGet("/{id:int}/versions", Versions);
        faq.MapGet("/{id:int}/versions/{number:int}", Version);
        faq.MapPost("/", Create).RequireAuthorization(Policies.Staff);
        faq.MapPut("/{id:int}", Revise).RequireAuthorization(Policies.Staff);
        faq.MapPost("/{id:int}/solved", Solved);
    }

    /// <summary>The handbook, newest first, or ranked by <c>q</c> (Chinese or English); filters <c>module</c> and <c>tag</c>.</summary>
    private static async Task<Ok<ArticleSummary[]>> List(string? q, string? module, string? tag, HttpContext http, Handbook handbook,
        CancellationToken ct) =>
        TypedResults.Ok(await handbook.ListAsync(http.User.ToActor(), q, module, tag, ct));

    /// <summary>
    /// What the report form offers while the reporter types (and the engineer's ticket page):
    /// the five best articles the caller may read; same module first when <c>module</c> is given.
    /// </summary>
    private static async Task<Ok<ArticleSummary[]>> Suggest(string? text, string? module, HttpContext http, Handbook handbook,
        CancellationToken ct) =>
        TypedResults.Ok(await handbook.SuggestAsync(http.User.ToActor(), text, module, ct));

    private static async Task<Ok<ArticleDraftResponse>> Draft(string? fromTicket, int? fromReview, Handbook handbook,
        CancellationToken ct) =>
        TypedResults.Ok(await handbook.DraftAsync(fromTicket, fromReview, ct));

    private static async Task<Ok<ArticleResponse>> Get(int id, HttpContext http, Handbook handbook, CancellationToken ct) =>
        TypedResults.Ok(await handbook.GetAsync(http.User.ToActor(), id, ct));

    private static async Task<Ok<ArticleVersionResponse[]>> Versions(int id, HttpContext http, Handbook handbook, CancellationToken ct) =>
        TypedResults.Ok(await handbook.VersionsAsync(http.User.ToActor(), id, ct));

    private static async Task<Ok<ArticleVersionResponse>> Version(int id, int number, HttpContext http, Handbook handbook,
        CancellationToken ct) =>
        TypedResults.Ok(await handbook.VersionAsync(http.User.ToActor(), id, number, ct));

    private static async Task<Created<ArticleResponse>> Create(ArticleRequest request, HttpContext http, Handbook handbook,
        CancellationToken ct)
    {
        var article = await handbook.CreateAsync(http.User.ToActor(), request, ct);
        return TypedResults.Created(ResourceUrl.For("/api/faq", article.Id), article);
    }

    private static async Task<Ok<ArticleResponse>> Revise(int id, ArticleRequest request, HttpContext http, Handbook handbook,
        CancellationToken ct) =>
        TypedResults.Ok(await handbook.ReviseAsync(http.User.ToActor(), id, request, ct));

    /// <summary>
    /// "This solved my problem": the one honest count of a report that did not need filing. The
    /// report form calls it when the reporter says so; merely opening a suggestion is not counted.
    /// </summary>
    private static async Task<NoContent> Solved(int id, SolvedRequest? request, HttpContext http, Handbook handbook, CancellationToken ct)
    {
        await handbook.SolvedAsync(http.User.ToActor(), id, request, ct);
        return TypedResults.NoContent();
    }
}
