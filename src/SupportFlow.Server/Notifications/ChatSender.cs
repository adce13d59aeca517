using System.Text;
using SupportFlow.Notifications;
using SupportFlow.Routing;

namespace SupportFlow.Server.Notifications;

/// <summary>Posts one outbox message to a team's chat-group webhook in that platform's format (<see cref="ChatPayloads"/>).</summary>
public sealed class ChatSender(IHttpClientFactory http, TimeProvider clock)
{
    public const string Client = "chat-webhooks";

    public async Task SendAsync(OutboxMessage message, string? ticketNumber, ChatGroup group, CancellationToken ct)
    {
        var request = ChatPayloads.Build(group,
            new ChatMessage(message.MessageId, message.Event, ticketNumber, message.Subject, message.Body), clock.GetUtcNow());
        using var post = new HttpRequestMessage(HttpMethod.Post, request.Url)
        {
            Content = new StringContent(request.Json, Encoding.UTF8, "application/json"),
        };
        foreach (var (name, value) in request.Headers)
        {
            post.Headers.TryAddWithoutValidation(name, value);
        }

        HttpResponseMessage sent;
        try
        {
            sent = await http.CreateClient(Client).SendAsync(post, ct);
        }
        catch (HttpRequestException e) when (e.InnerException is OutboundAddressRefusedException refused)
        {
            throw new DeliveryException($"{group.Kind} webhook refused: {refused.Message}", permanent: true);
        }

        using var response = sent;
        var body = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new DeliveryException($"{group.Kind} webhook answered {(int)response.StatusCode}: {Shorten(body)}");
        }

        if (ChatPayloads.RefusalIn(group.Kind, body) is { } refusal)
        {
            throw new DeliveryException($"{group.Kind} webhook {refusal}");
        }
    }

    private static string Shorten(string text) => text.Length > 200 ? text[..200] : text;
}
