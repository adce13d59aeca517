using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Notifications;
using SupportFlow.Users;

namespace SupportFlow.Server.Users;

/// <summary>
/// Creating and changing users and their tokens: the admin API and the CLI (<c>users add</c>,
/// <c>tokens create</c>) perform the same writes through here.
/// </summary>
public sealed class UserAdministration(SupportFlowDbContext db, TimeProvider clock, IPasswordHasher<User> hasher)
{
    public const int MinPasswordLength = 8;

    public async Task<User> CreateAsync(UserRequest request, CancellationToken ct)
    {
        var errors = new RequestErrors();
        var login = errors.Required("login", request.Login, Limits.Login).ToLowerInvariant();
        if (login.Length > 0 && !UserFields.IsValidLogin(login))
        {
            errors.Add("login", "A login is 2-64 characters: letters, digits and . _ - @, starting with a letter or digit.");
        }

        var name = errors.Required("name", request.Name, Limits.Name);
        var role = errors.Enum<Role>("role", request.Role);
        var user = new User(login, name, role ?? Role.Reporter, clock.GetUtcNow());
        await ApplyAsync(user, request, errors, ct);
        errors.ThrowIfInvalid();
        if (await db.Users.AnyAsync(u => u.Login == login, ct))
        {
            throw new DomainException("A user with login '{0}' already exists.", login);
        }

        db.Users.Add(user);
        await db.SaveChangesAsync(ct);
        return user;
    }

    public async Task<User> UpdateAsync(string login, UserRequest request, CancellationToken ct)
    {
        var user = await FindAsync(login, ct);
        var errors = new RequestErrors();
        if (request.Login is not null && !string.Equals(request.Login.Trim(), user.Login, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add("login", "A login cannot be changed; create a new user instead.");
        }

        if (request.Name is not null)
        {
            user.Name = errors.Required("name", request.Name, Limits.Name);
        }

        if (request.Role is not null && errors.Enum<Role>("role", request.Role) is { } role)
        {
            user.Role = role;
        }

        await ApplyAsync(user, request, errors, ct);
        errors.ThrowIfInvalid();
        await db.SaveChangesAsync(ct);
        return user;
    }

    /// <summary>Users are never deleted (their history must stay readable): they are deactivated and their tokens revoked.</summary>
    public async Task DeactivateAsync(string login, CancellationToken ct)
    {
        var user = await FindAsync(login, ct);
        user.IsActive = false;
        user.EndSessions();
        var now = clock.GetUtcNow();
        await db.ApiTokens.Where(t => t.UserId == user.Id && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Ends every web session of the user (signing out). Their API tokens stay valid until revoked.</summary>
    public async Task EndSessionsAsync(string login, CancellationToken ct)
    {
        var user = await FindAsync(login, ct);
        user.EndSessions();
        await db.SaveChangesAsync(ct);
    }

    public async Task<TokenResponse> CreateTokenAsync(string login, string? name, CancellationToken ct)
    {
        var user = await FindAsync(login, ct);
        if (!user.IsActive)
        {
            throw new DomainException("User '{0}' is deactivated; reactivate them before creating a token.", user.Login);
        }

        var errors = new RequestErrors();
        var tokenName = errors.Optional("name", name, Limits.Name) ?? "api";
        errors.ThrowIfInvalid();
        var (token, secret) = ApiToken.Create(user.Id, tokenName, clock.GetUtcNow());
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(ct);
        return new TokenResponse(token.Id, user.Login, token.Name, secret, token.CreatedAt);
    }

    /// <summary>Every token (never a secret: only hashes are stored), or one user's; oldest first.</summary>
    public async Task<List<TokenListing>> TokensAsync(string? login, CancellationToken ct)
    {
        var tokens = db.ApiTokens.AsNoTracking();
        if (login is not null)
        {
            var userId = (await FindAsync(login, ct)).Id;
            tokens = tokens.Where(t => t.UserId == userId);
        }

        return await tokens.OrderBy(t => t.Id)
            .Select(t => new TokenListing(t.Id, t.User!.Login, t.Name, t.CreatedAt, t.RevokedAt))
            .ToListAsync(ct);
    }

    /// <summary>Revokes one token; requests with it are refused from then on (tokens are looked up per request).</summary>
    public async Task<TokenListing> RevokeTokenAsync(int id, CancellationToken ct)
    {
        var token = await db.ApiTokens.Include(t => t.User).SingleOrDefaultAsync(t => t.Id == id, ct)
            ?? throw new NotFoundException("API token {0} was not found.", id);
        if (token.RevokedAt is not null)
        {
            throw new DomainException("API token {0} is already revoked.", id);
        }

        token.RevokedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return new TokenListing(token.Id, token.User!.Login, token.Name, token.CreatedAt, token.RevokedAt);
    }

    public async Task<User> FindAsync(string login, CancellationToken ct)
    {
        var key = login.Trim().ToLowerInvariant();
        return await db.Users.Include(u => u.Department).Include(u => u.Teams).SingleOrDefaultAsync(u => u.Login == key, ct)
            ?? throw new NotFoundException("User '{0}' was not found.", key);
    }

    public bool VerifyPassword(User user, string password) =>
        user.PasswordHash is not null
        && hasher.VerifyHashedPassword(user, user.PasswordHash, password) != PasswordVerificationResult.Failed;

    private async Task ApplyAsync(User user, UserRequest request, RequestErrors errors, CancellationToken ct)
    {
        if (request.Email is not null)
        {
            user.Email = errors.Optional("email", request.Email, Limits.Email);
            if (user.Email is not null && !UserFields.LooksLikeEmail(user.Email))
            {
                errors.Add("email", "'{0}' is not an e-mail address.", user.Email);
            }
        }

        if (request.Phone is not null)
        {
            user.Phone = errors.Optional("phone", request.Phone, Limits.Phone);
        }

        if (request.Password is not null)
        {
            if (request.Password.Length < MinPasswordLength || request.Password.Length > Limits.Password)
            {
                errors.Add("password", "A password is {0} to {1} characters.", MinPasswordLength, Limits.Password);
            }
            else
            {
                user.PasswordHash = hasher.HashPassword(user, request.Password);
                user.EndSessions();
            }
        }

        if (request.Language is not null)
        {
            // "" clears it: the configured default language applies again.
            user.Language = request.Language.Length == 0 ? null : Languages.Normalize(request.Language);
            if (request.Language.Length > 0 && user.Language is null)
            {
                errors.Add("language", "'{0}' is not a notification language: use {1}.", request.Language, string.Join(" or ", Languages.All));
            }
        }

        if (request.NotifyBy is not null && errors.Enum<NotifyBy>("notifyBy", request.NotifyBy) is { } notifyBy)
        {
            user.NotifyBy = notifyBy;
        }

        if (request.Available is { } available)
        {
            user.Available = available;
        }

        if (request.Active is { } active)
        {
            if (user.IsActive && !active)
            {
                user.EndSessions();
            }

            user.IsActive = active;
        }

        if (request.Department is not null)
        {
            var department = errors.Optional("department", request.Department, Limits.Name);
            if (department?.Contains('/', StringComparison.Ordinal) == true)
            {
                errors.Add("department", "department cannot contain '/'.");
            }

            user.Department = await DepartmentAsync(department, ct);
        }

        if (request.Teams is not null)
        {
            await SetTeamsAsync(user, request.Teams, errors, ct);
        }
        else if (user.Role < Role.Engineer && user.Teams.Count > 0)
        {
            errors.Add("teams", "Only engineers and supervisors belong to teams: send \"teams\": [] with the new role.");
        }
    }

    /// <summary>Departments are labels: naming a new one on a user creates it.</summary>
    private async Task<Department?> DepartmentAsync(string? name, CancellationToken ct)
    {
        if (name is null)
        {
            return null;
        }

        return await db.Departments.SingleOrDefaultAsync(d => d.Name == name, ct)
            ?? db.Departments.Local.SingleOrDefault(d => d.Name == name)
            ?? db.Departments.Add(new Department(name)).Entity;
    }

    private async Task SetTeamsAsync(User user, string[] names, RequestErrors errors, CancellationToken ct)
    {
        var wanted = names.Select(n => n.Trim()).Where(n => n.Length > 0).Distinct().ToList();
        var teams = await db.Teams.Where(t => wanted.Contains(t.Name)).ToListAsync(ct);
        foreach (var missing in wanted.Except(teams.Select(t => t.Name)))
        {
            errors.Add("teams", "Unknown team '{0}'. Create it first with POST /api/teams.", missing);
        }

        if (teams.Count > 0 && user.Role < Role.Engineer)
        {
            errors.Add("teams", "Only engineers and supervisors belong to teams.");
        }

        user.Teams.Clear();
        user.Teams.AddRange(teams);
    }

    /// <summary>Adds a department (the admin API and the teams page); returns its name as stored.</summary>
    public async Task<string> CreateDepartmentAsync(DepartmentRequest request, CancellationToken ct)
    {
        var errors = new RequestErrors();
        var name = errors.Name("name", request.Name);
        errors.ThrowIfInvalid();
        if (await db.Departments.AnyAsync(d => d.Name == name, ct))
        {
            throw new DomainException("Department '{0}' already exists.", name);
        }

        db.Departments.Add(new Department(name));
        await db.SaveChangesAsync(ct);
        return name;
    }
}
