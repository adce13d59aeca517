using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Server.Web;
using SupportFlow.Users;

namespace SupportFlow.Server.Users.Pages;

/// <summary>
/// Sign-in with login and password. Five wrong passwords in a row lock the login name for 15
/// minutes. Nothing tells whether a login exists: an unknown login (or one without a password, or
/// deactivated) costs the same password hash, gets the same message and is locked the same way.
/// </summary>
[AllowAnonymous]
public sealed class SignInModel(
    SupportFlowDbContext db, IPasswordHasher<User> hasher, SignInThrottles throttles, UiText text)
    : WebPage
{
    private static readonly User Nobody = new("", "", Role.Reporter, DateTimeOffset.UnixEpoch);
    private static string? s_dummyHash;

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
            if (await throttles.LockedUntilAsync(name, ct) is { } locked)
            {
                throw Locked(locked);
            }

            var user = await db.Users.Include(u => u.Teams).SingleOrDefaultAsync(u => u.Login == name && u.IsActive, ct);
            var hash = user?.PasswordHash;
            // A hash of a random password of the same cost for an unknown login: the answer takes as long.
            s_dummyHash ??= hasher.HashPassword(Nobody, Guid.NewGuid().ToString());
            var verdict = hasher.VerifyHashedPassword(user ?? Nobody, hash ?? s_dummyHash, password!);
            if (user is null || hash is null || verdict == PasswordVerificationResult.Failed)
            {
                throw await throttles.RecordFailureAsync(name, ct) is { } until
                    ? Locked(until)
                    : new DomainException(text["Wrong login or password."]);
            }

            if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
            {
                user.PasswordHash = hasher.HashPassword(user, password!);
                await db.SaveChangesAsync(ct);
            }

            await throttles.ClearAsync(name, ct);
            await HttpContext.SignInAsync(WebAuth.Scheme, WebAuth.Principal(user), WebAuth.SessionOnly());
            return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
        }, () => Task.CompletedTask);
    }

    private DomainException Locked(DateTimeOffset until) =>
        new(text.Format("Too many wrong passwords: sign-in is locked until {0}.", text.Time(until)));
}
