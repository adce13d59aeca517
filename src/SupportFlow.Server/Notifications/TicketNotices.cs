using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Localization;
using SupportFlow.Notifications;
using SupportFlow.Server.Sla;
using SupportFlow.Sla;
using SupportFlow.Tickets;
using SupportFlow.Users;

namespace SupportFlow.Server.Notifications;

/// <summary>
/// Turns what a change did to a ticket (the history lines it appended, read by
/// <see cref="NoticeRules"/>) into outbox rows: one per recipient and channel, in the recipient's
/// language, added to the same DbContext so they are saved in the change's own transaction.
/// </summary>
public sealed class TicketNotices(SupportFlowDbContext db, SlaSettings sla, IOptions<SupportFlowOptions> options)
{
    private Dictionary<(NotificationEvent, string), TemplateText>? _templates;

    private NotificationOptions Settings => options.Value.Notifications;

    private string DefaultLanguage => Languages.Normalize(Settings.DefaultLanguage) ?? Languages.Chinese;

    /// <summary>Adds (does not save) the outbox rows for the lines <paramref name="ticket"/> appended since it was loaded.</summary>
    public async Task AddAsync(Ticket ticket, DateTimeOffset now, CancellationToken ct)
    {
        var notices = NoticeRules.From(ticket, ticket.History).Concat(await EscalationsAsync(ticket, now, ct)).ToList();
        if (notices.Count == 0)
        {
            return;
        }

        await LoadAsync(ticket, ct);
        var reporter = ticket.Reporter.UserId is int reporterId ? await db.Users.FindAsync([reporterId], ct) : null;
        var supervisors = notices.Any(n => n.Audience == Audience.Supervisors)
            ? await db.Users.Where(u => u.Role == Role.Supervisor && u.IsActive).OrderBy(u => u.Login).ToListAsync(ct)
            : [];
        var teamMembers = notices.Any(n => n.Audience == Audience.Team) && ticket.TeamId is { } teamId
            ? await db.Users.Where(u => u.IsActive && u.Teams.Any(t => t.Id == teamId)).OrderBy(u => u.Login).ToListAsync(ct)
            : [];
        var rows = new List<(OutboxMessage Row, string? Level)>();
        foreach (var notice in notices)
        {
            var mine = new List<OutboxMessage>();
            switch (notice.Audience)
            {
                case Audience.Reporter:
                    if ((ticket.Reporter.Email ?? reporter?.Email) is { } address)
                    {
                        var language = Languages.Normalize(reporter?.Language) ?? DefaultLanguage;
                        mine.Add(await EmailAsync(ticket, notice, address, ticket.Reporter.Name, language, now, ct));
                    }

                    break;
                case Audience.Assignee when ticket.Assignee is { } assignee && assignee.Id != notice.ActorId:
                    await PersonAsync(mine, ticket, notice, assignee, now, ct);
                    break;
                case Audience.Supervisors:
                case Audience.Team:
                    foreach (var person in (notice.Audience == Audience.Team ? teamMembers : supervisors).Where(s => s.Id != notice.ActorId))
                    {
                        await PersonAsync(mine, ticket, notice, person, now, ct);
                    }

                    break;
                case Audience.User when notice.Escalation?.Level.Notify.Login is { } login:
                    if (await db.Users.SingleOrDefaultAsync(u => u.Login == login && u.IsActive, ct) is { } user)
                    {
                        await PersonAsync(mine, ticket, notice, user, now, ct);
                    }

                    break;
                case Audience.Vendor when notice.Vendor is { } vendor:
                    // No account, so no language of their own: the organisation's.
                    mine.Add(await EmailAsync(ticket, notice, vendor.Email, vendor.Name, DefaultLanguage, now, ct));
                    break;
                case Audience.TeamChat when ticket.Team?.Chat is not null:
                    if (!notice.NewToTeam || !await TeamHeardOfAsync(ticket, ct))
                    {
                        mine.Add(await ChatAsync(ticket, notice, null, now, ct));
                    }

                    break;
            }

            rows.AddRange(mine.Select(r => (r, notice.Escalation?.Level.Name)));
        }

        // A person who reads the team chat needs no second copy of a message the team chat gets anyway;
        // two escalation levels due at once are two messages.
        db.Outbox.AddRange(rows.DistinctBy(r => r.Row.Channel == NotificationChannel.Chat
            ? (r.Row.Channel, r.Row.TeamId?.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Row.Event, r.Level)
            : (r.Row.Channel, r.Row.Recipient, r.Row.Event, r.Level)).Select(r => r.Row));
    }

    /// <summary>
    /// The escalation levels this change made due and that have not reached their target for this ticket:
    /// each is recorded (<see cref="TicketEscalation"/>, unique per ticket and level) in this same save as its
    /// outbox rows, also when its target has no one to reach, so the decision is taken once.
    /// </summary>
    private async Task<IEnumerable<Notice>> EscalationsAsync(Ticket ticket, DateTimeOffset now, CancellationToken ct)
    {
        if (!ticket.History.Any(l => SlaTargets.EscalationName(l.NewValue) is not null))
        {
            return [];
        }

        var notified = db.TicketEscalations.Local.Where(e => e.Ticket == ticket).Select(e => e.Level).ToHashSet(StringComparer.Ordinal);
        if (db.Entry(ticket).State is not (EntityState.Added or EntityState.Detached))
        {
            notified.UnionWith(await db.TicketEscalations.Where(e => e.TicketId == ticket.Id).Select(e => e.Level).ToListAsync(ct));
        }

        var owed = EscalationRules.Owed(ticket, ticket.History, await sla.EscalationsAsync(ct), notified);
        db.TicketEscalations.AddRange(owed.Select(o => new TicketEscalation(ticket, o.Level.Name, o.Level.Notify.ToString(), now)));
        return EscalationRules.Notices(owed);
    }

    /// <summary>
    /// Whether the chat of the ticket's team was already given this ticket as new (at intake, or when it moved
    /// into the team before): a ticket that comes back to a team is not news to it. Read off the outbox rows.
    /// </summary>
    private async Task<bool> TeamHeardOfAsync(Ticket ticket, CancellationToken ct)
    {
        if (db.Entry(ticket).State is EntityState.Added or EntityState.Detached)
        {
            return false;
        }

        string[] news = [WireNames.Of(NotificationEvent.NewTicket), WireNames.Of(NotificationEvent.P1Opened)];
        return await db.Outbox.AnyAsync(m => m.TicketId == ticket.Id && m.TeamId == ticket.TeamId
                                             && m.Channel == NotificationChannel.Chat && news.Contains(m.Event), ct);
    }

    /// <summary>E-mail, the team's chat group, or both, as the person chose; the other channel when the chosen one is missing.</summary>
    private async Task PersonAsync(List<OutboxMessage> rows, Ticket ticket, Notice notice, User person, DateTimeOffset now,
        CancellationToken ct)
    {
        var hasChat = ticket.Team?.Chat is not null;
        var hasEmail = person.Email is not null;
        var email = person.NotifyBy is NotifyBy.Email or NotifyBy.Both || !hasChat;
        var chat = (person.NotifyBy is NotifyBy.Chat or NotifyBy.Both && hasChat) || (!hasEmail && hasChat);
        var language = Languages.Normalize(person.Language) ?? DefaultLanguage;
        if (email && hasEmail)
        {
            rows.Add(await EmailAsync(ticket, notice, person.Email!, person.Name, language, now, ct));
        }

        if (chat)
        {
            rows.Add(await ChatAsync(ticket, notice, person, now, ct));
        }
    }

    private async Task<OutboxMessage> EmailAsync(Ticket ticket, Notice notice, string address, string name, string language,
        DateTimeOffset now, CancellationToken ct)
    {
        var text = await RenderAsync(ticket, notice, name, language, now, ct);
        return new OutboxMessage(ticket, WireNames.Of(notice.Event), NotificationChannel.Email, address, name, language,
            text.Subject, text.Body, now);
    }

    /// <summary>To the team's group; a message meant for one person names them first.</summary>
    private async Task<OutboxMessage> ChatAsync(Ticket ticket, Notice notice, User? person, DateTimeOffset now, CancellationToken ct)
    {
        var team = ticket.Team!;
        var language = DefaultLanguage;
        var text = await RenderAsync(ticket, notice, person?.Name ?? team.Name, language, now, ct);
        var body = person is null ? text.Body : $"@{person.Name} {text.Body}";
        return new OutboxMessage(ticket, WireNames.Of(notice.Event), NotificationChannel.Chat, team.Name, person?.Name ?? team.Name,
            language, text.Subject, body, now, team.Id);
    }

    private async Task<TemplateText> RenderAsync(Ticket ticket, Notice notice, string recipient, string language,
        DateTimeOffset now, CancellationToken ct)
    {
        _templates ??= (await db.NotificationTemplates.AsNoTracking().ToListAsync(ct))
            .ToDictionary(t => (t.Event, t.Language), t => new TemplateText(t.Subject, t.Body));
        var template = _templates.GetValueOrDefault((notice.Event, language)) ?? BuiltInTemplates.For(notice.Event, language);
        var culture = Languages.Culture(language);
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["number"] = ticket.Number,
            ["title"] = ticket.Title,
            ["priority"] = ticket.Priority.ToString(),
            ["status"] = WireNames.Of(ticket.Status),
            ["module"] = ticket.Module.Name,
            ["team"] = ticket.Team?.Name ?? Texts.Get("service desk", culture),
            ["assignee"] = ticket.Assignee?.Name ?? Texts.Get("not yet assigned", culture),
            ["reporter"] = ticket.Reporter.Name,
            ["recipient"] = recipient,
            ["feedbackWithin"] = TemplateRendering.Duration(ticket.SlaUpdate.IsNone ? ticket.SlaResolution : ticket.SlaUpdate, language),
            ["message"] = notice.Detail?.In(culture) ?? "",
            ["link"] = $"{Settings.PublicUrl.TrimEnd('/')}/tickets/{ticket.Number}",
            ["level"] = notice.Escalation?.Level.Name ?? "",
            ["breachedFor"] = notice.Escalation is { } escalation ? TemplateRendering.Elapsed(escalation.BreachedFor(now), language) : "",
        };
        return TemplateRendering.Render(template, values);
    }

    /// <summary>Jobs load tickets without their module, team or owner; the messages name them.</summary>
    private async Task LoadAsync(Ticket ticket, CancellationToken ct)
    {
        var entry = db.Entry(ticket);
        if (entry.State is EntityState.Added or EntityState.Detached)
        {
            return;
        }

        if (!entry.Reference(t => t.Module).IsLoaded)
        {
            await entry.Reference(t => t.Module).LoadAsync(ct);
        }

        if (!entry.Reference(t => t.Team).IsLoaded)
        {
            await entry.Reference(t => t.Team).LoadAsync(ct);
        }

        if (!entry.Reference(t => t.Assignee).IsLoaded)
        {
            await entry.Reference(t => t.Assignee).LoadAsync(ct);
        }
    }
}
