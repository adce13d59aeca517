using System.Text;
using Microsoft.EntityFrameworkCore;
using SupportFlow.Data;
using SupportFlow.Intake;
using SupportFlow.Tickets;

namespace SupportFlow.Server.Intake.Chat;

/// <summary>
/// The inbound webhook of each chat channel, <c>/api/intake/chat/{channel}</c>: verified by the
/// platform's signature or token (401 otherwise, nothing changes), then taken in like mail: a
/// new ticket, or a comment when the text names <c>#YYYYMMDD-NNN</c>. The bot answers with the
/// ticket number in the HTTP response where the platform allows it (DingTalk, WeCom, generic),
/// else (Feishu / Lark) through the outbox to the channel's answer webhook.
/// A platform's retry of the same message gets the same answer and creates nothing.
/// </summary>
public static class ChatIntakeApi
{
    private const int MaxBody = 256 * 1024;

    public static void MapChatIntakeApi(this IEndpointRouteBuilder app)
    {
        var chat = app.MapGroup("/api/intake/chat").WithTags("Intake").AllowAnonymous();
        chat.MapPost("/{channel}", Receive).DisableAntiforgery();
        chat.MapGet("/{channel}", Echo);
    }

    private static async Task<IResult> Receive(string channel, HttpRequest request, SupportFlowDbContext db,
        InboundReception reception, TimeProvider clock, CancellationToken ct)
    {
        var found = await FindAsync(db, channel, ct);
        var body = await ReadBodyAsync(request, ct);
        var now = clock.GetUtcNow();
        ChatRequest read;
        try
        {
            read = ChatFormats.Read(found, request, body, now);
        }
        catch (ChatSignatureException e)
        {
            return Unauthorized(e.Message);
        }

        switch (read)
        {
            case ChatRequest.Handshake h:
                return h.Response;
            case ChatRequest.Nothing n:
                return n.Response;
        }

        var (message, reply) = (ChatRequest.Message)read;
        if (message.Text.Length == 0)
        {
            return reply("请描述遇到的问题。Please describe the problem.");
        }

        var text = message.Text;
        // A chat message carries no address anyone vouches for: who its sender is comes from a ChatIdentity only.
        var report = new InboundReport(Channel.Chat, found.Name, message.Id, message.SenderName, null,
            text.Split('\n', StringSplitOptions.TrimEntries)[0], text, now, found.Module, found.Priority)
        {
            ChatSenderId = message.SenderId,
            ThreadNumber = TicketTag.FindInChat(text),
            AnswerTo = found.AnswersInResponse ? null : found,
        };
        var result = await reception.ReceiveAsync(report, ct);
        return reply(Answer(result));
    }

    private static async Task<IResult> Echo(string channel, HttpRequest request, SupportFlowDbContext db, CancellationToken ct)
    {
        var found = await FindAsync(db, channel, ct);
        if (found.Platform != ChatPlatform.WeCom)
        {
            return Results.Problem(statusCode: 405, title: "Method not allowed", detail: "Only WeCom verifies its URL with GET.");
        }

        try
        {
            return Results.Text(ChatFormats.WeComEcho(found, request));
        }
        catch (Exception e) when (e is ChatSignatureException or FormatException or System.Security.Cryptography.CryptographicException)
        {
            return Unauthorized(e.Message);
        }
    }

    /// <summary>The bot's answer, in both languages of the desk.</summary>
    public static string Answer(InboundResult result) => result.Outcome switch
    {
        InboundOutcome.Ticket => $"已受理，工单号 {result.TicketNumber}。Received: ticket {result.TicketNumber}.",
        InboundOutcome.Comment => $"已补充到工单 {result.TicketNumber}。Added to ticket {result.TicketNumber}.",
        InboundOutcome.Ignored or InboundOutcome.Duplicate or InboundOutcome.Failed => "已收到。Received.",
    };

    private static async Task<ChatChannel> FindAsync(SupportFlowDbContext db, string name, CancellationToken ct) =>
        await db.ChatChannels.AsNoTracking().Include(c => c.Module).ThenInclude(m => m.Team)
            .SingleOrDefaultAsync(c => c.Name == name && c.Enabled, ct)
        ?? throw new SupportFlow.Common.NotFoundException("No chat channel '{0}'.", name);

    private static async Task<string> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBody)
        {
            throw new BadHttpRequestException("The message is too large.", StatusCodes.Status413PayloadTooLarge);
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var buffer = new char[MaxBody + 1];
        var read = await reader.ReadBlockAsync(buffer, ct);
        if (read > MaxBody)
        {
            throw new BadHttpRequestException("The message is too large.", StatusCodes.Status413PayloadTooLarge);
        }

        return new string(buffer, 0, read);
    }

    private static IResult Unauthorized(string why) =>
        Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Signature not verified", detail: why);
}
