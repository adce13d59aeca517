namespace SupportFlow.Server.Notifications;

public static class OutboxServices
{
    /// <summary>The delivery worker and its senders; a chat webhook that hangs is given up after 30 s (and retried).</summary>
    public static IServiceCollection AddOutboxDelivery(this IServiceCollection services)
    {
        services.AddHttpClient(ChatSender.Client, client => client.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton<EmailSender>();
        services.AddSingleton<ChatSender>();
        services.AddSingleton<OutboxDelivery>();
        services.AddHostedService(provider => provider.GetRequiredService<OutboxDelivery>());
        return services;
    }
}
