using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Server.Auth;
using SupportFlow.Server.Web;
using SupportFlow.Users;

namespace SupportFlow.Server.Users.Pages;

/// <summary>
/// Sign-in with login and password. Five wrong passwords in a row lock the login for 15
/// minutes; the message never says whether the login exists.
/// </summary>
[AllowAnonymous]
public sealed class SignInModel(SupportFlowDbContext db, IPasswordHasher<User> hasher, TimeProvider clock, UiText text)
    : WebPage
{
    public string? ReturnUrl { get; private set; }

    public void OnGet(string? returnUrl) => ReturnUrl = returnUrl;

    public async Task<IActionResult> OnPostAsync(string? login, string? password, string? returnUrl, CancellationToken ct)
    {
        ReturnUrl = returnUrl;
        return await AttemptAsync("signin", async () =>
        {
            var errors = new RequestErrors();
            var name = errors.Required("login", login, Limits.Login).ToLowerInvariant();
            if (string.IsNullOrEmpty(password))
            {
                errors.Add("password", "password is required.");
            }

            errors.ThrowIfInvalid();
            var now = clock.GetUtcNow();
            var user = await db.Users.Include(u => u.Teams).SingleOrDefaultAsync(u => u.Login == name && u.IsActive, ct);
            if (user?.PasswordHash is null)
            {
                throw new DomainException(text["Wrong login or password."]);
            }

            if (user.IsLockedOut(now))
            {
                throw new DomainException(text.Format("Too many wrong passwords: sign-in is locked until {0}.", text.Time(user.LockedOutUntil)));
            }

            var verdict = hasher.VerifyHashedPassword(user, user.PasswordHash, password!);
            if (verdict == PasswordVerificationResult.Failed)
            {
                user.RecordFailedSignIn(now);
                await db.SaveChangesAsync(ct);
                throw new DomainException(user.IsLockedOut(now)
                    ? text.Format("Too many wrong passwords: sign-in is locked until {0}.", text.Time(user.LockedOutUntil))
                    : text["Wrong login or password."]);
            }

            if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
            {
                user.PasswordHash = hasher.HashPassword(user, password!);
            }

            user.RecordSignIn();
            await db.SaveChangesAsync(ct);
            await HttpContext.SignInAsync(WebAuth.Scheme, ActorClaims.Principal(user, WebAuth.Scheme), WebAuth.SessionOnly());
            return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
        }, () => Task.CompletedTask);
    }
}
