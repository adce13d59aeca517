using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Recurring;
using SupportFlow.Search;
using SupportFlow.Server.Operations;
using SupportFlow.Server.Notifications;
using SupportFlow.Server.Recurring;
using SupportFlow.Server.Reviews;
using SupportFlow.Server.Sla;
using SupportFlow.Server.Tickets;
using SupportFlow.Server.Users;
using SupportFlow.Users;

namespace SupportFlow.Server.Hosting;

/// <summary>What the server and the CLI share: configuration, the database, the clock and the write services.</summary>
public static class SupportFlowServices
{
    public static IServiceCollection AddSupportFlowCore(this IServiceCollection services)
    {
        services.AddOptions<SupportFlowOptions>().BindConfiguration(SupportFlowOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SupportFlowOptions>, StartupValidation>();
        services.AddMetrics();
        services.AddSingleton<SupportFlowMetrics>();
        services.AddSingleton<StoredEventsMetrics>();
        services.AddDbContext<SupportFlowDbContext>((provider, options) => DatabaseProviders.Configure(
            options.AddInterceptors(provider.GetRequiredService<StoredEventsMetrics>()),
            provider.GetRequiredService<IOptions<SupportFlowOptions>>().Value,
            provider.GetRequiredService<IConfiguration>().GetConnectionString("SupportFlow")));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider => new OrganizationTime(
            provider.GetRequiredService<IOptions<SupportFlowOptions>>().Value.Organization.ResolveTimeZone()));
        services.AddScoped<IPasswordHasher<User>, PasswordHasher<User>>();
        services.AddScoped<UserAdministration>();
        services.AddScoped<Intake.Chat.ChatIdentityBinding>();
        services.AddScoped<Users.SignInThrottles>();
        services.AddScoped<Users.News.PersonalNews>();
        services.AddScoped<TicketReception>();
        services.AddScoped<TicketWork>();
        services.AddScoped<TicketActions>();
        services.AddScoped<TicketAttachments>();
        services.AddScoped<TicketLinks>();
        services.AddScoped<ReviewWork>();
        services.AddScoped<CauseCategoryList>();
        services.AddScoped<Routing.RoutingAdministration>();
        services.AddScoped<Knowledge.Handbook>();
        services.AddScoped<ReviewOpening>();
        services.AddOptions<ReviewOptions>().BindConfiguration(ReviewOptions.Section);
        services.AddScoped<RecurringDetection>();
        services.AddScoped<SlaSettings>();
        services.AddScoped<SlaAdministration>();
        services.AddScoped<CalendarImport>();
        services.AddScoped<TicketNotices>();
        services.AddScoped<Notifications.DeliveryQueue>();
        services.AddScoped<Intake.InboundMessageLog>();
        services.AddScoped<Archive.MonthlyArchive>();
        services.AddScoped<Archive.ArchiveClaims>();
        services.AddScoped<Archive.ArchiveRunner>();
        services.AddScoped<Archive.TicketPurge>();
        services.AddScoped<Tickets.TicketImport>();
        return services;
    }

    /// <summary>
    /// Brings the database to the current schema, under a lock, so several processes starting
    /// together migrate once (<see cref="DatabaseProviders.MigrateAsync"/>). Tickets stored before search existed are
    /// indexed afterwards.
    /// </summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SupportFlowDbContext>();
        await DatabaseProviders.MigrateAsync(db, cancellationToken);
        await TicketSearchBackfill.RunAsync(db, cancellationToken);
    }
}
