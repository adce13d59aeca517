using Microsoft.EntityFrameworkCore;
using SupportFlow.Data;
using SupportFlow.Users;

namespace SupportFlow.Server.Users;

/// <summary>
/// Counts wrong passwords per login name in the database, atomically: each failure is one
/// conditional UPDATE that adds one and, at the fifth, locks and starts again from zero. Of any
/// number of parallel wrong guesses, at most four are told "wrong password" before the lock.
/// </summary>
public sealed class SignInThrottles(SupportFlowDbContext db, TimeProvider clock)
{
    /// <summary>Until when <paramref name="login"/> is locked, or null.</summary>
    public async Task<DateTimeOffset?> LockedUntilAsync(string login, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var throttle = await db.SignInThrottles.AsNoTracking().SingleOrDefaultAsync(t => t.Login == login, ct);
        return throttle?.IsLockedOut(now) == true ? throttle.LockedOutUntil : null;
    }

    /// <summary>Counts one wrong password; returns until when the login is now locked (by this failure or a parallel one), or null.</summary>
    public async Task<DateTimeOffset?> RecordFailureAsync(string login, CancellationToken ct)
    {
        if (!await db.SignInThrottles.AnyAsync(t => t.Login == login, ct))
        {
            try
            {
                db.SignInThrottles.Add(new SignInThrottle(login));
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // A parallel failure created the row: the update below counts on it.
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }

        var now = clock.GetUtcNow();
        var lockUntil = now + SignInLockout.Duration;
        await db.SignInThrottles
            .Where(t => t.Login == login && (t.LockedOutUntil == null || t.LockedOutUntil <= now))
            .ExecuteUpdateAsync(s => s
                .SetProperty(t => t.LockedOutUntil, t => t.Failures + 1 >= SignInLockout.MaxFailures ? (DateTimeOffset?)lockUntil : null)
                .SetProperty(t => t.Failures, t => t.Failures + 1 >= SignInLockout.MaxFailures ? 0 : t.Failures + 1), ct);
        return await LockedUntilAsync(login, ct);
    }

    /// <summary>A successful sign-in starts the count again.</summary>
    public Task ClearAsync(string login, CancellationToken ct) =>
        db.SignInThrottles.Where(t => t.Login == login).ExecuteDeleteAsync(ct);
}
