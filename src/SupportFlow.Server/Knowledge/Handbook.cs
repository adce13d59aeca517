using Microsoft.EntityFrameworkCore;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Knowledge;
using SupportFlow.Users;

namespace SupportFlow.Server.Knowledge;

/// <summary>
/// Reading and writing the FAQ handbook as one person: the API's <c>/api/faq</c> endpoints, the
/// handbook pages, the report form and the ticket page all call these.
/// </summary>
public sealed class Handbook(SupportFlowDbContext db, TimeProvider clock, OrganizationTime org)
{
    /// <summary>The handbook, newest first, or ranked by <c>q</c> (Chinese or English); filters <c>module</c> and <c>tag</c>.</summary>
    public async Task<ArticleSummary[]> ListAsync(Actor actor, string? q, string? module, string? tag, CancellationToken ct)
    {
        var articles = await VisibleAsync(db, actor, ct);
        var filtered = articles
            .Where(a => string.IsNullOrWhiteSpace(module) || a.Modules.Contains(module.Trim(), StringComparer.Ordinal))
            .Where(a => string.IsNullOrWhiteSpace(tag) || a.Tags.Contains(tag.Trim(), StringComparer.OrdinalIgnoreCase));
        var result = string.IsNullOrWhiteSpace(q)
            ? filtered.OrderByDescending(a => a.UpdatedAt).Select(a => ArticleSummary.From(a, org))
            : ArticleSearch.Rank(q, filtered, ArticleSearch.SuggestThreshold).Select(r => ArticleSummary.From(r.Article, org, r.Score));
        return [.. result.Take(200)];
    }

    /// <summary>
    /// What the report form offers while the reporter types (and the engineer's ticket page):
    /// the five best articles the caller may read; same module first when <c>module</c> is given.
    /// </summary>
    public async Task<ArticleSummary[]> SuggestAsync(Actor actor, string? text, string? module, CancellationToken ct)
    {
        var errors = new RequestErrors();
        var typed = errors.Required("text", text, Limits.Description);
        errors.ThrowIfInvalid();
        var articles = await VisibleAsync(db, actor, ct);
        var ranked = ArticleSearch.Rank(typed, articles, ArticleSearch.SuggestThreshold)
            .OrderByDescending(r => module is not null && r.Article.Modules.Contains(module, StringComparer.Ordinal))
            .ThenByDescending(r => r.Score)
            .Take(5);
        return [.. ranked.Select(r => ArticleSummary.From(r.Article, org, r.Score))];
    }

    public Task<ArticleDraftResponse> DraftAsync(string? fromTicket, int? fromReview, CancellationToken ct) =>
        ArticleDrafts.FromAsync(db, fromTicket, fromReview, ct);

    public async Task<ArticleResponse> GetAsync(Actor actor, int id, CancellationToken ct) =>
        ArticleResponse.From(await FindAsync(db, actor, id, ct), org);

    public async Task<ArticleVersionResponse[]> VersionsAsync(Actor actor, int id, CancellationToken ct)
    {
        var article = await FindAsync(db, actor, id, ct);
        var versions = await db.ArticleVersions.AsNoTracking().Where(v => v.ArticleId == article.Id).OrderBy(v => v.Number).ToListAsync(ct);
        return [.. versions.Select(v => ArticleVersionResponse.From(v, org, withText: false))];
    }

    public async Task<ArticleVersionResponse> VersionAsync(Actor actor, int id, int number, CancellationToken ct)
    {
        var article = await FindAsync(db, actor, id, ct);
        var version = await db.ArticleVersions.AsNoTracking().SingleOrDefaultAsync(v => v.ArticleId == article.Id && v.Number == number, ct);

        // An old version written for engineers stays theirs, even if the article is for everyone now.
        return version is not null && (actor.IsStaff || version.Audience == ArticleAudience.Reporters)
            ? ArticleVersionResponse.From(version, org, withText: true)
            : throw new NotFoundException("Article {0} has no version {1}.", id, number);
    }

    public async Task<ArticleResponse> CreateAsync(Actor actor, ArticleRequest request, CancellationToken ct)
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
        var article = Article.Write(content, actor, clock.GetUtcNow(), draft?.Sources.Tickets ?? [], draft?.Sources.Review);
        db.Articles.Add(article);
        await db.SaveChangesAsync(ct);
        return ArticleResponse.From(article, org);
    }

    /// <summary>A new version of an article; <c>basedOnVersion</c> refuses to overwrite someone else's newer one.</summary>
    public async Task<ArticleResponse> ReviseAsync(Actor actor, int id, ArticleRequest request, CancellationToken ct)
    {
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
        return ArticleResponse.From(article, org);
    }

    /// <summary>
    /// "This solved my problem": the one honest count of a report that did not need filing. The
    /// report form calls it when the reporter says so; merely opening a suggestion is not counted.
    /// </summary>
    public async Task SolvedAsync(Actor actor, int id, SolvedRequest? request, CancellationToken ct)
    {
        var article = await FindAsync(db, actor, id, ct);
        var errors = new RequestErrors();
        var text = errors.Optional("text", request?.Text, Limits.Title);
        errors.ThrowIfInvalid();
        db.Deflections.Add(new Deflection(article.Id, actor.UserId, text, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
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
