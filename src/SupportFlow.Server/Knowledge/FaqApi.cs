using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Knowledge;
using SupportFlow.Server.Auth;
using SupportFlow.Server.Web;
using SupportFlow.Users;

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
    internal static async Task<Ok<ArticleSummary[]>> List(string? q, string? module, string? tag, HttpContext http,
        SupportFlowDbContext db, OrganizationTime org, CancellationToken ct)
    {
        var articles = await VisibleAsync(db, http.User.ToActor(), ct);
        var filtered = articles
            .Where(a => string.IsNullOrWhiteSpace(module) || a.Modules.Contains(module.Trim(), StringComparer.Ordinal))
            .Where(a => string.IsNullOrWhiteSpace(tag) || a.Tags.Contains(tag.Trim(), StringComparer.OrdinalIgnoreCase));
        var result = string.IsNullOrWhiteSpace(q)
            ? filtered.OrderByDescending(a => a.UpdatedAt).Select(a => ArticleSummary.From(a, org))
            : ArticleSearch.Rank(q, filtered, ArticleSearch.SuggestThreshold).Select(r => ArticleSummary.From(r.Article, org, r.Score));
        return TypedResults.Ok(result.Take(200).ToArray());
    }

    /// <summary>
    /// What the report form offers while the reporter types (and the engineer's ticket page):
    /// the five best articles the caller may read; same module first when <c>module</c> is given.
    /// </summary>
    internal static async Task<Ok<ArticleSummary[]>> Suggest(string? text, string? module, HttpContext http, SupportFlowDbContext db,
        OrganizationTime org, CancellationToken ct)
    {
        var errors = new RequestErrors();
        var typed = errors.Required("text", text, Limits.Description);
        errors.ThrowIfInvalid();
        var articles = await VisibleAsync(db, http.User.ToActor(), ct);
        var ranked = ArticleSearch.Rank(typed, articles, ArticleSearch.SuggestThreshold)
            .OrderByDescending(r => module is not null && r.Article.Modules.Contains(module, StringComparer.Ordinal))
            .ThenByDescending(r => r.Score)
            .Take(5);
        return TypedResults.Ok(ranked.Select(r => ArticleSummary.From(r.Article, org, r.Score)).ToArray());
    }

    internal static async Task<Ok<ArticleDraftResponse>> Draft(string? fromTicket, int? fromReview, SupportFlowDbContext db,
        CancellationToken ct) =>
        TypedResults.Ok(await ArticleDrafts.FromAsync(db, fromTicket, fromReview, ct));

    internal static async Task<Ok<ArticleResponse>> Get(int id, HttpContext http, SupportFlowDbContext db, OrganizationTime org,
        CancellationToken ct) =>
        TypedResults.Ok(ArticleResponse.From(await FindAsync(db, http.User.ToActor(), id, ct), org));

    internal static async Task<Ok<ArticleVersionResponse[]>> Versions(int id, HttpContext http, SupportFlowDbContext db,
        OrganizationTime org, CancellationToken ct)
    {
        var article = await FindAsync(db, http.User.ToActor(), id, ct);
        var versions = await db.ArticleVersions.AsNoTracking().Where(v => v.ArticleId == article.Id).OrderBy(v => v.Number).ToListAsync(ct);
        return TypedResults.Ok(versions.Select(v => ArticleVersionResponse.From(v, org, withText: false)).ToArray());
    }

    internal static async Task<Ok<ArticleVersionResponse>> Version(int id, int number, HttpContext http, SupportFlowDbContext db,
        OrganizationTime org, CancellationToken ct)
    {
        var actor = http.User.ToActor();
        var article = await FindAsync(db, actor, id, ct);
        var version = await db.ArticleVersions.AsNoTracking().SingleOrDefaultAsync(v => v.ArticleId == article.Id && v.Number == number, ct);

        // An old version written for engineers stays theirs, even if the article is for everyone now.
        return version is not null && (actor.IsStaff || version.Audience == ArticleAudience.Reporters)
            ? TypedResults.Ok(ArticleVersionResponse.From(version, org, withText: true))
            : throw new NotFoundException("Article {0} has no version {1}.", id, number);
    }

    internal static async Task<Created<ArticleResponse>> Create(ArticleRequest request, HttpContext http, SupportFlowDbContext db,
        TimeProvider clock, OrganizationTime org, CancellationToken ct)
    {
        var draft = request.FromTicket is not null || request.FromReview is not null
            ? await ArticleDrafts.FromAsync(db, request.FromTicket, request.FromReview, ct)
            : null;
        var errors = new RequestErrors();
        var content = request.Parse(errors, draft is null
            ? null
            : new ArticleContent(draft.Title, draft.Body, draft.Audience, draft.Modules, draft.Tags));
        await CheckModulesAsync(db, errors, content.Modules, ct);
        errors.ThrowIfInvalid();
        var article = Article.Write(content, http.User.ToActor(), clock.GetUtcNow(), draft?.Sources.Tickets ?? [], draft?.Sources.Review);
        db.Articles.Add(article);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created(ResourceUrl.For("/api/faq", article.Id), ArticleResponse.From(article, org));
    }

    internal static async Task<Ok<ArticleResponse>> Revise(int id, ArticleRequest request, HttpContext http, SupportFlowDbContext db,
        TimeProvider clock, OrganizationTime org, CancellationToken ct)
    {
        var actor = http.User.ToActor();
        var article = await FindAsync(db, actor, id, ct);
        var errors = new RequestErrors();
        var content = request.Parse(errors, article.Content);
        var note = request.ParseNote(errors);
        if (request.FromTicket is not null || request.FromReview is not null)
        {
            errors.Add("fromTicket", "An article's sources are set when it is written; edit its text instead.");
        }

        await CheckModulesAsync(db, errors, content.Modules, ct);
        errors.ThrowIfInvalid();
        article.Revise(content, actor, clock.GetUtcNow(), note, request.BasedOnVersion);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ArticleResponse.From(article, org));
    }

    /// <summary>
    /// "This solved my problem": the one honest count of a report that did not need filing. The
    /// report form calls it when the reporter says so; merely opening a suggestion is not counted.
    /// </summary>
    internal static async Task<NoContent> Solved(int id, SolvedRequest? request, HttpContext http, SupportFlowDbContext db,
        TimeProvider clock, CancellationToken ct)
    {
        var actor = http.User.ToActor();
        var article = await FindAsync(db, actor, id, ct);
        var errors = new RequestErrors();
        var text = errors.Optional("text", request?.Text, Limits.Title);
        errors.ThrowIfInvalid();
        db.Deflections.Add(new Deflection(article.Id, actor.UserId, text, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    /// <summary>The articles the actor may read. The handbook is small (hundreds, not millions): ranking runs in memory.</summary>
    internal static async Task<List<Article>> VisibleAsync(SupportFlowDbContext db, Actor actor, CancellationToken ct) =>
        await db.Articles.AsNoTracking().Where(a => actor.IsStaff || a.Audience == ArticleAudience.Reporters).ToListAsync(ct);

    internal static async Task<Article> FindAsync(SupportFlowDbContext db, Actor actor, int id, CancellationToken ct)
    {
        var article = await db.Articles.SingleOrDefaultAsync(a => a.Id == id, ct);
        return article is not null && article.IsVisibleTo(actor) ? article : throw new NotFoundException("Article {0} was not found.", id);
    }

    internal static async Task CheckModulesAsync(SupportFlowDbContext db, RequestErrors errors, IReadOnlyList<string> modules,
        CancellationToken ct)
    {
        if (modules.Count == 0)
        {
            return;
        }

        var known = await db.Modules.Where(m => modules.Contains(m.Name)).Select(m => m.Name).ToListAsync(ct);
        foreach (var unknown in modules.Except(known, StringComparer.Ordinal))
        {
            errors.Add("modules", "Unknown module '{0}'. GET /api/modules lists the modules.", unknown);
        }
    }
}
