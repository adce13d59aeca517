using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Users;

namespace SupportFlow.Server.Auth;

/// <summary>
/// <c>Authorization: Bearer sf_...</c>: the token's SHA-256 is looked up; a revoked token or a
/// deactivated user does not authenticate. The principal carries role and team ids, so
/// permission checks need no further query.
/// </summary>
public sealed class ApiTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    SupportFlowDbContext db)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var hash = ApiToken.HashOf(header["Bearer ".Length..].Trim());
        var user = await db.Users
            .Where(u => u.IsActive && db.ApiTokens.Any(t => t.UserId == u.Id && t.Hash == hash && t.RevokedAt == null))
            .Include(u => u.Teams)
            .AsNoTracking()
            .SingleOrDefaultAsync(Context.RequestAborted);
        if (user is null)
        {
            return AuthenticateResult.Fail("The API token is unknown or revoked.");
        }

        return AuthenticateResult.Success(new AuthenticationTicket(ActorClaims.Principal(user, SchemeName), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        Problem(StatusCodes.Status401Unauthorized, "Authentication required",
            "Send a personal API token as 'Authorization: Bearer <token>' (create one with 'tokens create --login <login>').");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problem(StatusCodes.Status403Forbidden, "Forbidden", "Your role may not do this.");

    private async Task Problem(int status, string title, string detail)
    {
        Response.StatusCode = status;
        var problems = Context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}

/// <summary>The actor travels in claims: id, login, name, role, team ids and department.</summary>
public static class ActorClaims
{
    private const string TeamClaim = "team";
    private const string DepartmentClaim = "department";

    /// <summary>The user's saved language (zh-CN, en), read by request localization when a request names none.</summary>
    public const string LanguageClaim = "language";

    public static ClaimsPrincipal Principal(User user, string scheme)
    {
        var actor = user.ToActor();
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, actor.UserId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ""),
            new(ClaimTypes.Name, actor.Login),
            new(ClaimTypes.GivenName, actor.Name),
            new(ClaimTypes.Role, WireNames.Of(actor.Role)),
        };
        claims.AddRange(actor.TeamIds.Select(id =>
            new Claim(TeamClaim, id.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        if (actor.DepartmentId is int department)
        {
            claims.Add(new Claim(DepartmentClaim, department.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (user.Language is { } language)
        {
            claims.Add(new Claim(LanguageClaim, language));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    public static Actor ToActor(this ClaimsPrincipal user)
    {
        var role = WireNames.TryParse<Role>(user.FindFirstValue(ClaimTypes.Role), out var r)
            ? r
            : throw new InvalidOperationException("The signed-in user has no role.");
        return new Actor(
            int.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!, System.Globalization.CultureInfo.InvariantCulture),
            user.Identity!.Name!,
            user.FindFirstValue(ClaimTypes.GivenName) ?? "",
            role,
            user.FindAll(TeamClaim).Select(c => int.Parse(c.Value, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet())
        {
            DepartmentId = user.FindFirstValue(DepartmentClaim) is { } department
                ? int.Parse(department, System.Globalization.CultureInfo.InvariantCulture)
                : null,
        };
    }
}
