using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Notifications;
using SupportFlow.Server.Auth;
using SupportFlow.Server.Tickets;

namespace SupportFlow.Server.Notifications;

public sealed record DeliveryResponse(
    long Id,
    string? Ticket,
    string Event,
    NotificationChannel Channel,
    string Recipient,
    string RecipientName,
    string Language,
    string Subject,
    OutboxStatus Status,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastAttemptAt,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? SentAt,
    string? LastError,
    string MessageId)
{
    public static DeliveryResponse From(OutboxMessage m, string? number, OrganizationTime org) => new(
        m.Id, number, m.Event, m.Channel, m.Recipient, m.RecipientName, m.Language, m.Subject, m.Status, m.Attempts,
        org.Local(m.CreatedAt), m.LastAttemptAt is { } last ? org.Local(last) : null,
        m.Status == OutboxStatus.Pending ? org.Local(m.NextAttemptAt) : null, m.SentAt is { } sent ? org.Local(sent) : null,
        m.LastError, m.MessageId);
}

public sealed record TemplateRequest(string? Subject, string? Body);

public sealed record TemplateResponse(string Event, string Language, string Subject, string Body, bool Customized);

/// <summary>
/// The outbox as admins see it (failed deliveries, retry), the editable message templates, and
/// each ticket's deliveries for its staff.
/// </summary>
public static class NotificationsApi
{
    public static void MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/notifications").WithTags("Notifications").RequireAuthorization(Policies.Admin);
        group.MapGet("/", List);
        group.MapPost("/{id:long}/retry", Retry);
        group.MapGet("/templates", Templates);
        group.MapGet("/templates/{event}/{language}", Template);
        group.MapPut("/templates/{event}/{language}", PutTemplate);
        group.MapDelete("/templates/{event}/{language}", ResetTemplate);
        app.MapGet("/api/tickets/{number}/deliveries", Deliveries).WithTags("Tickets").RequireAuthorization(Policies.Staff);
    }

    private static async Task<Ok<DeliveryResponse[]>> List(string? status, int? limit, DeliveryQueue queue, CancellationToken ct)
    {
        var errors = new RequestErrors();
        var wanted = errors.Enum<OutboxStatus>("status", status, required: false);
        if (limit is < 1 or > DeliveryQueue.MaxListed)
        {
            errors.Add("limit", "limit is 1 to 500.");
        }

        errors.ThrowIfInvalid();
        return TypedResults.Ok(await queue.ListAsync(wanted, limit ?? 100, ct));
    }

    private static async Task<Ok<DeliveryResponse>> Retry(long id, DeliveryQueue queue, CancellationToken ct) =>
        TypedResults.Ok(await queue.RetryAsync(id, ct));

    private static async Task<Ok<DeliveryResponse[]>> Deliveries(string number, HttpContext http, TicketWork work,
        SupportFlowDbContext db, OrganizationTime org, CancellationToken ct)
    {
        var ticket = await work.FindAsync(http.User.ToActor(), number, ct);
        var rows = await db.Outbox.AsNoTracking().Where(m => m.TicketId == ticket.Id).OrderBy(m => m.Id).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(m => DeliveryResponse.From(m, ticket.Number, org)).ToArray());
    }

    private static async Task<Ok<TemplateResponse[]>> Templates(SupportFlowDbContext db, CancellationToken ct)
    {
        var stored = await db.NotificationTemplates.AsNoTracking().ToListAsync(ct);
        return TypedResults.Ok((
            from e in Enum.GetValues<NotificationEvent>()
            from language in Languages.All
            select Response(e, language, stored.SingleOrDefault(t => t.Event == e && t.Language == language))).ToArray());
    }

    private static async Task<Ok<TemplateResponse>> Template(string @event, string language, SupportFlowDbContext db,
        CancellationToken ct)
    {
        var (e, lang) = Key(@event, language);
        return TypedResults.Ok(Response(e, lang, await db.NotificationTemplates.FindAsync([e, lang], ct)));
    }

    private static async Task<Ok<TemplateResponse>> PutTemplate(string @event, string language, TemplateRequest request,
        SupportFlowDbContext db, CancellationToken ct)
    {
        var (e, lang) = Key(@event, language);
        var errors = new RequestErrors();
        var subject = errors.Required("subject", request.Subject, 500);
        var body = errors.Required("body", request.Body, 10_000);
        foreach (var (field, text) in new[] { ("subject", subject), ("body", body) })
        {
            foreach (var unknown in TemplateRendering.Unknown(text))
            {
                errors.Add(field, "Unknown placeholder '{{{0}}}': use {1}.", unknown, string.Join(", ", TemplateRendering.Placeholders.Select(p => $"{{{p}}}")));
            }
        }

        errors.ThrowIfInvalid();
        var template = await db.NotificationTemplates.FindAsync([e, lang], ct);
        if (template is null)
        {
            template = new NotificationTemplate(e, lang, subject, body);
            db.NotificationTemplates.Add(template);
        }
        else
        {
            template.Subject = subject;
            template.Body = body;
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(Response(e, lang, template));
    }

    private static async Task<NoContent> ResetTemplate(string @event, string language, SupportFlowDbContext db,
        CancellationToken ct)
    {
        var (e, lang) = Key(@event, language);
        await db.NotificationTemplates.Where(t => t.Event == e && t.Language == lang).ExecuteDeleteAsync(ct);
        return TypedResults.NoContent();
    }

    private static (NotificationEvent Event, string Language) Key(string @event, string language)
    {
        var errors = new RequestErrors();
        var e = errors.Enum<NotificationEvent>("event", @event);
        var lang = Languages.Normalize(language);
        if (lang is null)
        {
            errors.Add("language", "'{0}' is not a notification language: use {1}.", language, string.Join(" or ", Languages.All));
        }

        errors.ThrowIfInvalid();
        return (e!.Value, lang!);
    }

    private static TemplateResponse Response(NotificationEvent e, string language, NotificationTemplate? stored)
    {
        var text = stored is null ? BuiltInTemplates.For(e, language) : new TemplateText(stored.Subject, stored.Body);
        return new TemplateResponse(WireNames.Of(e), language, text.Subject, text.Body, stored is not null);
    }
}
