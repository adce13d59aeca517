using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.OpenApi;
using SupportFlow.Server.Archive;
using SupportFlow.Server.Auth;
using SupportFlow.Server.Errors;
using SupportFlow.Server.Intake;
using SupportFlow.Server.Jobs;
using SupportFlow.Server.Operations;
using SupportFlow.Server.Notifications;
using SupportFlow.Server.OpenApi;
using SupportFlow.Server.Knowledge;
using SupportFlow.Server.Reports;
using SupportFlow.Server.Recurring;
using SupportFlow.Server.Reviews;
using SupportFlow.Server.Routing;
using SupportFlow.Server.Sla;
using SupportFlow.Server.Tickets;
using SupportFlow.Server.Users;
using SupportFlow.Server.Web;

namespace SupportFlow.Server.Hosting;

/// <summary>Builds and runs the web server: API, OpenAPI document, health check and background jobs.</summary>
public static class ServerApp
{
    public static async Task<int> RunAsync(string[] args)
    {
        // GBK, GB2312, Big5...: registered before anything reads mail, so MimeKit sees them from its first use.
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var builder = WebApplication.CreateBuilder(args);

        // Also when appsettings.json is not beside the working directory: SQL is not for the info log.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        builder.Services.AddSupportFlowCore();
        builder.Services.AddSupportFlowAuthorization();
        builder.Services.AddSupportFlowOperations();
        builder.Services.AddSupportFlowWeb();
        builder.Services.AddSingleton<AutoCloseJob>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<AutoCloseJob>());
        builder.Services.AddSingleton<SlaSweep>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<SlaSweep>());
        builder.Services.AddOutboxDelivery();
        builder.Services.AddHostedService<ArchiveJob>();
        builder.Services.AddSingleton<ReviewReminderJob>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<ReviewReminderJob>());
        builder.Services.AddSupportFlowIntake();
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ErrorProblems.Customize);
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.ConfigureHttpJsonOptions(o =>
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        builder.Services.AddOpenApi(o => o.Describe().AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "SupportFlow API";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http, Scheme = "bearer",
                Description = "A personal API token: 'tokens create --login <login>'.",
            };
            document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] }];
            HealthEndpoints.Describe(document);
            ApiDescription.NameEveryOperation(document);
            return Task.CompletedTask;
        }));

        var app = builder.Build();
        if (!StartupValidation.Passed(app.Services))
        {
            return 1;
        }

        await app.Services.MigrateDatabaseAsync();

        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        // After authentication: a request that names no language gets the signed-in person's saved one.
        app.UseUiLanguage();
        app.UseMetricsAccess();
        app.UseAuthorization();
        app.UseRateLimiter();

        app.MapOpenApi();
        app.MapSupportFlowOperations();
        app.MapTicketsApi();
        app.MapUsersApi();
        app.MapRoutingApi();
        app.MapSlaApi();
        app.MapSlaReport();
        app.MapNotificationsApi();
        app.MapSupportFlowWeb();
        app.MapReviewsApi();
        app.MapReviewReport();
        app.MapFaqApi();
        app.MapFaqReport();
        app.MapReportsApi();
        app.MapSupportFlowIntake();
        app.MapTicketLinksApi();
        app.MapRecurringReport();
        app.MapArchiveApi();

        await app.RunAsync();
        return 0;
    }
}
