using SupportFlow.Server.Intake.Chat;
using SupportFlow.Server.Intake.Mail;
using SupportFlow.Server.Intake.WebForm;

namespace SupportFlow.Server.Intake;

/// <summary>Wires mail, chat and web-form intake into the server (one call each from ServerApp, plus UseRateLimiter).</summary>
public static class IntakeRegistration
{
    public static IServiceCollection AddSupportFlowIntake(this IServiceCollection services)
    {
        services.AddOptions<MailIntakeOptions>().BindConfiguration(MailIntakeOptions.Section);
        services.AddScoped<InboundReception>();
        services.AddSingleton<MailboxReader>();
        services.AddSingleton<MailboxWatchers>();
        services.AddHostedService(provider => provider.GetRequiredService<MailboxWatchers>());
        services.AddWebForm();
        return services;
    }

    public static void MapSupportFlowIntake(this IEndpointRouteBuilder app)
    {
        app.MapMailboxesApi();
        app.MapInboundMessagesApi();
        app.MapChatChannelsApi();
        app.MapChatIdentitiesApi();
        app.MapChatIntakeApi();
        app.MapWebForm();
    }
}
