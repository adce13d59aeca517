using Microsoft.EntityFrameworkCore;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Intake;
using SupportFlow.Server.Notifications;
using SupportFlow.Server.Recurring;
using SupportFlow.Server.Routing;
using SupportFlow.Server.Sla;
using SupportFlow.Tickets;
using SupportFlow.Users;

namespace SupportFlow.Server.Tickets;

/// <summary>
/// Receives a report from any channel: checks it, numbers it and stores it with its first
/// history lines in one transaction. The API uses it now; the portal and mail intake reuse it.
/// </summary>
public sealed class TicketReception(SupportFlowDbContext db, TimeProvider clock, OrganizationTime org, SlaSettings sla,
    TicketNotices notices, RecurringDetection recurring)
{
    /// <summary>Clients' clocks run a little fast; a receivedAt this far ahead is taken as "now".</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(1);

    /// <summary>Checks, numbers and stores one report; <paramref name="notify"/> is false for imports, which tell nobody.</summary>
    /// <remarks>
    /// A report is never refused because its save lost a race: linking it to a recurring-problem
    /// review touches the review and the similar tickets, which a concurrent intake may touch too.
    /// The whole intake then runs again from the start, with a fresh number (the lost attempt's
    /// transaction, counter included, was rolled back). Mail intake and imports own the transaction
    /// and handle a failure themselves.
    /// </remarks>
    public async Task<Ticket> ReceiveAsync(Actor actor, CreateTicketRequest request, CancellationToken cancellationToken, bool notify = true)
    {
        for (var attempt = 1; ; attempt++)
        {
            var ownsTransaction = db.Database.CurrentTransaction is null;
            try
            {
                return await ReceiveOnceAsync(actor, request, notify, cancellationToken);
            }
            catch (DbUpdateException e) when (ownsTransaction && attempt < 5 && DatabaseProviders.IsLostRace(e))
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<Ticket> ReceiveOnceAsync(Actor actor, CreateTicketRequest request, bool notify, CancellationToken cancellationToken)
    {
        if (request.Reporter is not null && !actor.IsStaff)
        {
            throw new ForbiddenException("Reporters report for themselves: omit 'reporter'. Only staff record reports for others.");
        }

        var now = clock.GetUtcNow();
        var errors = new RequestErrors();
        var title = errors.Required("title", request.Title, Limits.Title);
        var description = errors.Required("description", request.Description, Limits.Description);
        var impact = errors.Required("impact", request.Impact, Limits.Impact);
        var priority = errors.Enum<Priority>("priority", request.Priority);
        var channel = errors.Enum<Channel>("channel", request.Channel);
        var occurredAt = errors.Time("occurredAt", request.OccurredAt) is { } occurred ? ToMinute(occurred) : (DateTimeOffset?)null;
        var receivedAt = ReceivedAt(errors, actor, request.ReceivedAt, now);
        if (occurredAt > receivedAt)
        {
            errors.Add("occurredAt", "occurredAt cannot be after the report was received.");
        }

        var moduleName = errors.Required("module", request.Module, Limits.Name);
        var module = moduleName.Length == 0
            ? null
            : await db.Modules.Include(m => m.Team).SingleOrDefaultAsync(m => m.Name == moduleName, cancellationToken);
        if (moduleName.Length > 0 && module is null)
        {
            errors.Add("module", "Unknown module '{0}'. GET /api/modules lists the modules.", moduleName);
        }

        var reporter = request.Reporter is null
            ? await Self(actor, cancellationToken)
            : await OnBehalf(errors, request.Reporter, IntakeActors.LinksReporterByEmail(actor), cancellationToken);
        errors.ThrowIfInvalid();

        var policy = await sla.PolicyAsync(priority!.Value, cancellationToken);
        var similar = await recurring.FindSimilarAsync(module!.Id, null, title, description, receivedAt, cancellationToken);
        var intake = new TicketIntake(title, description, occurredAt!.Value, receivedAt, impact, priority!.Value,
            channel!.Value, reporter!);
        // Mail and chat intake record the message they came from in a transaction of their own, which this joins.
        await using var transaction = db.Database.CurrentTransaction is null
            ? await db.Database.BeginTransactionAsync(cancellationToken)
            : null;
        var number = await TicketNumbers.NextAsync(db, TicketNumber.DayOf(receivedAt, org.Zone), cancellationToken);
        var route = TicketRoute.For(module!, module!.Team is null
            ? await db.CategoryRoutes.Include(r => r.Team).SingleOrDefaultAsync(r => r.Category == module.Category, cancellationToken)
            : null);
        var ticket = Ticket.Receive(number, intake, module, actor, now, policy, route);
        if (route.Team is { } team && await AutoAssignment.ChooseAsync(db, team, cancellationToken) is { } choice)
        {
            ticket.Assign(Actor.System, now, choice.Owner, team, choice.Reason);
        }

        await sla.ApplyAsync(ticket, now, cancellationToken);
        db.Tickets.Add(ticket);
        await recurring.OnReceivedAsync(ticket, similar, now, cancellationToken);
        if (notify)
        {
            await notices.AddAsync(ticket, now, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return ticket;
    }

    private static DateTimeOffset ReceivedAt(RequestErrors errors, Actor actor, string? value, DateTimeOffset now)
    {
        if (value is null)
        {
            return now;
        }

        if (!actor.IsStaff)
        {
            errors.Add("receivedAt", "Only staff recording a report may set receivedAt; omit it to use the time of receipt.");
            return now;
        }

        var receivedAt = errors.Time("receivedAt", value, required: false) ?? now;
        if (receivedAt > now + ClockSkew)
        {
            errors.Add("receivedAt", "receivedAt cannot be in the future.");
        }

        return receivedAt > now ? now : receivedAt;
    }

    private static DateTimeOffset ToMinute(DateTimeOffset time) =>
        new(time.Ticks - (time.Ticks % TimeSpan.TicksPerMinute), time.Offset);

    private async Task<ReporterInfo?> Self(Actor actor, CancellationToken cancellationToken)
    {
        var user = await db.Users.Include(u => u.Department).AsNoTracking()
            .SingleAsync(u => u.Id == actor.UserId, cancellationToken);
        return new ReporterInfo(user.Id, user.Name, user.Department?.Name, user.Phone, user.Email);
    }

    /// <summary>
    /// An engineer records a call for someone. A given login, or else (when the recorder vouches
    /// for addresses, <see cref="IntakeActors.LinksReporterByEmail"/>) an e-mail address that
    /// matches a user, links the reporter's account so they can follow the ticket.
    /// </summary>
    private async Task<ReporterInfo?> OnBehalf(RequestErrors errors, ReporterRequest reporter, bool linkByEmail,
        CancellationToken cancellationToken)
    {
        var name = errors.Required("reporter.name", reporter.Name, Limits.Name);
        var department = errors.Optional("reporter.department", reporter.Department, Limits.Name);
        var phone = errors.Optional("reporter.phone", reporter.Phone, Limits.Phone);
        var email = errors.Optional("reporter.email", reporter.Email, Limits.Email);
        if (email is not null && !UserFields.LooksLikeEmail(email))
        {
            errors.Add("reporter.email", "'{0}' is not an e-mail address.", email);
        }

        var login = errors.Optional("reporter.login", reporter.Login, Limits.Login)?.ToLowerInvariant();
        int? userId = null;
        if (login is not null)
        {
            userId = await db.Users.Where(u => u.Login == login).Select(u => (int?)u.Id).SingleOrDefaultAsync(cancellationToken);
            if (userId is null)
            {
                errors.Add("reporter.login", "Unknown user '{0}'.", login);
            }
        }
        else if (email is not null && linkByEmail)
        {
            userId = await db.Users.Where(u => u.Email == email && u.IsActive).Select(u => (int?)u.Id)
                .FirstOrDefaultAsync(cancellationToken);
        }

        return new ReporterInfo(userId, name, department, phone, email);
    }
}
