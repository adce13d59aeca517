using System.Globalization;

namespace SupportFlow.LoadGen;

/// <summary>What the scenarios run as: this run's team, module, engineer and reporter with their tokens.</summary>
public sealed record Fixture(string Suffix, string Team, string Module, string Engineer, string EngineerToken,
    string Reporter, string ReporterToken, string AdminToken);

/// <summary>
/// Creates the run's people and routing through the admin API. Names carry a suffix unique to
/// the run, so running again against the same server adds a fresh set instead of colliding.
/// </summary>
public static class Setup
{
    public static async Task<Fixture> CreateAsync(Api api, string adminToken, CancellationToken ct)
    {
        var me = await Expect(api.GetAsync("setup", "/api/me", adminToken, ct), "GET /api/me with the admin token");
        var role = me.Json().GetProperty("role").GetString();
        if (role != "admin")
        {
            throw new SetupException($"--token belongs to a '{role}', not an admin: setup needs the admin API.");
        }

        var suffix = string.Create(CultureInfo.InvariantCulture, $"{DateTime.UtcNow:yyMMddHHmmss}-{Random.Shared.Next(0x10000):x4}");
        var engineer = $"lg-eng-{suffix}";
        var reporter = $"lg-rep-{suffix}";
        var team = $"LoadGen team {suffix}";
        var module = $"LoadGen module {suffix}";

        await Expect(api.PostAsync("setup", "/api/users", adminToken,
            new { login = engineer, name = $"LoadGen engineer {suffix}", role = "engineer", department = "LoadGen IT" }, ct),
            $"POST /api/users ({engineer})");
        await Expect(api.PostAsync("setup", "/api/teams", adminToken,
            new { name = team, members = new[] { engineer }, assignmentMode = "manual" }, ct), $"POST /api/teams ({team})");
        await Expect(api.PostAsync("setup", "/api/modules", adminToken,
            new { name = module, category = "system", team }, ct), $"POST /api/modules ({module})");
        await Expect(api.PostAsync("setup", "/api/users", adminToken,
            new
            {
                login = reporter, name = $"LoadGen reporter {suffix}", role = "reporter", department = "LoadGen Sales",
                email = $"{reporter}@example.com",
            }, ct),
            $"POST /api/users ({reporter})");

        var engineerToken = await TokenAsync(api, adminToken, engineer, ct);
        var reporterToken = await TokenAsync(api, adminToken, reporter, ct);
        return new Fixture(suffix, team, module, engineer, engineerToken, reporter, reporterToken, adminToken);
    }

    private static async Task<string> TokenAsync(Api api, string adminToken, string login, CancellationToken ct)
    {
        var response = await Expect(api.PostAsync("setup", $"/api/users/{login}/tokens", adminToken, new { name = "loadgen" }, ct),
            $"POST /api/users/{login}/tokens");
        return response.Json().GetProperty("token").GetString()
            ?? throw new SetupException($"POST /api/users/{login}/tokens returned no token.");
    }

    private static async Task<ApiResponse> Expect(Task<ApiResponse> call, string what)
    {
        var response = await call;
        return response.IsSuccess ? response : throw new SetupException($"{what} failed with {response.Describe()}");
    }
}

public sealed class SetupException : Exception
{
    public SetupException()
    {
    }

    public SetupException(string message) : base(message)
    {
    }

    public SetupException(string message, Exception inner) : base(message, inner)
    {
    }
}
