using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using SupportFlow.Data;
using SupportFlow.Server.Auth;
using SupportFlow.Users;

namespace SupportFlow.Server.Web;

/// <summary>
/// The web UI signs people in with a session cookie; the API keeps its Bearer tokens (a cookie
/// there would open the API to cross-site requests, which have no antiforgery check). Each page
/// names one of these policies, all bound to the cookie scheme.
/// </summary>
public static class WebAuth
{
    public const string Scheme = "SupportFlowCookie";

    public const string SignedIn = "Web" + nameof(SignedIn);
    public const string Staff = "Web" + nameof(Staff);
    public const string Supervisor = "Web" + nameof(Supervisor);
    public const string Admin = "Web" + nameof(Admin);

    public static IServiceCollection AddWebAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication().AddCookie(Scheme, o =>
        {
            o.LoginPath = "/signin";
            o.LogoutPath = "/signout";
            o.AccessDeniedPath = "/status/403";
            o.ReturnUrlParameter = "returnUrl";
            o.Cookie.Name = "sf-session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = TimeSpan.FromHours(10);
            o.SlidingExpiration = true;
            o.Events.OnValidatePrincipal = RefreshAsync;
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(SignedIn, p => p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser())
            .AddPolicy(Staff, p => p.AddAuthenticationSchemes(Scheme).RequireRole(Policies.AtLeast(Role.Engineer)))
            .AddPolicy(Supervisor, p => p.AddAuthenticationSchemes(Scheme).RequireRole(Policies.AtLeast(Role.Supervisor)))
            .AddPolicy(Admin, p => p.AddAuthenticationSchemes(Scheme).RequireRole(Policies.AtLeast(Role.Admin)));
        return services;
    }

    /// <summary>The claim holding the user's security stamp at sign-in: a session lives only while it matches.</summary>
    private const string StampClaim = "stamp";

    public static AuthenticationProperties SessionOnly() => new() { IsPersistent = false };

    /// <summary>The signed-in user as the session cookie carries them: the actor and the stamp the session was issued with.</summary>
    public static ClaimsPrincipal Principal(User user)
    {
        var principal = ActorClaims.Principal(user, Scheme);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(StampClaim, user.SecurityStamp));
        return principal;
    }

    /// <summary>
    /// Every request reloads the user: a deactivated user is signed out at once, and a changed
    /// role or team membership applies without signing in again. A session whose stamp is no longer
    /// the user's (they signed out, their password changed, they were deactivated) is refused, so a
    /// saved cookie stops working even after a reactivation.
    /// </summary>
    private static async Task RefreshAsync(CookieValidatePrincipalContext context)
    {
        var login = context.Principal?.Identity?.Name;
        var stamp = context.Principal?.FindFirstValue(StampClaim);
        var db = context.HttpContext.RequestServices.GetRequiredService<SupportFlowDbContext>();
        var user = login is null
            ? null
            : await db.Users.Include(u => u.Teams).AsNoTracking()
                .SingleOrDefaultAsync(u => u.Login == login && u.IsActive, context.HttpContext.RequestAborted);
        if (user is null || stamp is null || user.SecurityStamp != stamp)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Scheme);
            return;
        }

        context.ReplacePrincipal(Principal(user));
    }
}
