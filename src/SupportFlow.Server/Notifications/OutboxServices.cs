using Microsoft.Extensions.Options;
using SupportFlow.Common;

namespace SupportFlow.Server.Notifications;

public static class OutboxServices
{
    /// <summary>
    /// The delivery worker and its senders; a chat webhook that hangs is given up after 30 s (and
    /// retried); one on an internal address is refused (<see cref="OutboundHttp"/>).
    /// </summary>
    public static IServiceCollection AddOutboxDelivery(this IServiceCollection services)
    {
        services.AddHttpClient(ChatSender.Client, client => client.Timeout = TimeSpan.FromSeconds(30))
            .ConfigurePrimaryHttpMessageHandler(provider =>
                OutboundHttp.Handler(provider.GetRequiredService<IOptions<SupportFlowOptions>>().Value.Outbound));
        services.AddSingleton<EmailSender>();
        services.AddSingleton<ChatSender>();
        services.AddSingleton<OutboxDelivery>();
        services.AddHostedService(provider => provider.GetRequiredService<OutboxDelivery>());
        return services;
    }
}
