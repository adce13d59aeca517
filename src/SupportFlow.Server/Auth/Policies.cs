using SupportFlow.Common;
using SupportFlow.Users;

namespace SupportFlow.Server.Auth;

/// <summary>Role policies: each role includes the powers of the ones below it.</summary>
public static class Policies
{
    public const string Staff = nameof(Staff);
    public const string Supervisor = nameof(Supervisor);
    public const string Admin = nameof(Admin);

    public static IServiceCollection AddSupportFlowAuthorization(this IServiceCollection services)
    {
        services.AddAuthentication(ApiTokenAuthentication.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiTokenAuthentication>(
                ApiTokenAuthentication.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(Staff, p => p.RequireRole(AtLeast(Role.Engineer)))
            .AddPolicy(Supervisor, p => p.RequireRole(AtLeast(Role.Supervisor)))
            .AddPolicy(Admin, p => p.RequireRole(AtLeast(Role.Admin)));
        return services;
    }

    internal static string[] AtLeast(Role role) =>
        [.. Enum.GetValues<Role>().Where(r => r >= role).Select(r => WireNames.Of(r))];
}
