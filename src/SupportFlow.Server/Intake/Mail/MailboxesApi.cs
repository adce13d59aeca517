using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Intake;
using SupportFlow.Server.Auth;
using SupportFlow.Server.Web;
using SupportFlow.Tickets;

namespace SupportFlow.Server.Intake.Mail;

public sealed record MailboxRequest(
    string? Name, string? Host, int? Port, string? Tls, string? User, string? Password, string? Folder, string? Address,
    string? Module, string? Priority, bool? Enabled);

/// <summary>A mailbox as shown to admins: the password is never returned, only whether one is set.</summary>
public sealed record MailboxResponse(
    string Name, string Host, int Port, MailSecurity Tls, string User, bool PasswordSet, string Folder, string? Address,
    string Module, string? Team, Priority Priority, bool Enabled)
{
    public static MailboxResponse From(Mailbox m) => new(m.Name, m.Host, m.Port, m.Tls, m.UserName, m.Password.Length > 0,
        m.Folder, m.Address, m.Module.Name, m.Module.Team?.Name, m.Priority, m.Enabled);
}

/// <summary>Admin API for the IMAP mailboxes the desk reads (<c>/api/mailboxes</c>).</summary>
public static class MailboxesApi
{
    public static void MapMailboxesApi(this IEndpointRouteBuilder app)
    {
        var mailboxes = app.MapGroup("/api/mailboxes").WithTags("Intake").RequireAuthorization(Policies.Admin);
        mailboxes.MapGet("/", List);
        mailboxes.MapGet("/{name}", Get);
        mailboxes.MapPost("/", Create);
        mailboxes.MapPut("/{name}", Update);
        mailboxes.MapDelete("/{name}", Delete);
    }

    private static async Task<Ok<MailboxResponse[]>> List(SupportFlowDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await Query(db).OrderBy(m => m.Name).ToListAsync(ct)).Select(MailboxResponse.From).ToArray());

    private static async Task<Ok<MailboxResponse>> Get(string name, SupportFlowDbContext db, CancellationToken ct) =>
        TypedResults.Ok(MailboxResponse.From(await FindAsync(db, name, ct)));

    private static async Task<Created<MailboxResponse>> Create(MailboxRequest request, SupportFlowDbContext db,
        MailboxWatchers watchers, CancellationToken ct)
    {
        var errors = new RequestErrors();
        var name = errors.Name("name", request.Name);
        var module = await ModuleField.FindAsync(db, errors, request.Module, ct);
        var mailbox = new Mailbox(name, module!);
        Apply(mailbox, request, errors, creating: true);
        errors.ThrowIfInvalid();
        if (await db.Mailboxes.AnyAsync(m => m.Name == name, ct))
        {
            throw new DomainException("Mailbox '{0}' already exists.", name);
        }

        db.Mailboxes.Add(mailbox);
        await db.SaveChangesAsync(ct);
        watchers.MailboxesChanged();
        return TypedResults.Created(ResourceUrl.For("/api/mailboxes", mailbox.Name), MailboxResponse.From(mailbox));
    }

    private static async Task<Ok<MailboxResponse>> Update(string name, MailboxRequest request, SupportFlowDbContext db,
        MailboxWatchers watchers, CancellationToken ct)
    {
        var mailbox = await FindAsync(db, name, ct);
        var errors = new RequestErrors();
        if (request.Name is not null)
        {
            mailbox.Name = errors.Name("name", request.Name);
        }

        if (request.Module is not null && await ModuleField.FindAsync(db, errors, request.Module, ct) is { } module)
        {
            mailbox.Module = module;
        }

        Apply(mailbox, request, errors, creating: false);
        errors.ThrowIfInvalid();
        if (await db.Mailboxes.AnyAsync(m => m.Name == mailbox.Name && m.Id != mailbox.Id, ct))
        {
            throw new DomainException("Mailbox '{0}' already exists.", mailbox.Name);
        }

        mailbox.Version++;
        await db.SaveChangesAsync(ct);
        watchers.MailboxesChanged();
        return TypedResults.Ok(MailboxResponse.From(mailbox));
    }

    private static async Task<NoContent> Delete(string name, SupportFlowDbContext db, MailboxWatchers watchers, CancellationToken ct)
    {
        db.Mailboxes.Remove(await FindAsync(db, name, ct));
        await db.SaveChangesAsync(ct);
        watchers.MailboxesChanged();
        return TypedResults.NoContent();
    }

    /// <summary>Every field but name and module; on create the connection fields are required.</summary>
    private static void Apply(Mailbox mailbox, MailboxRequest request, RequestErrors errors, bool creating)
    {
        if (creating || request.Host is not null)
        {
            mailbox.Host = errors.Required("host", request.Host, Limits.Host);
        }

        if (creating || request.User is not null)
        {
            mailbox.UserName = errors.Required("user", request.User, Limits.Email);
        }

        if (creating || request.Password is not null)
        {
            mailbox.Password = errors.Required("password", request.Password, Limits.Password);
        }

        if (request.Tls is not null && errors.Enum<MailSecurity>("tls", request.Tls) is { } tls)
        {
            mailbox.Tls = tls;
        }

        if (request.Port is { } port)
        {
            mailbox.Port = errors.Range("port", port, 1, 65535) ?? mailbox.Port;
        }
        else if (creating)
        {
            mailbox.Port = mailbox.Tls == MailSecurity.SslOnConnect ? 993 : 143;
        }

        if (request.Folder is not null)
        {
            mailbox.Folder = errors.Required("folder", request.Folder, Limits.Name);
        }

        if (request.Address is not null)
        {
            var address = errors.Optional("address", request.Address, Limits.Email);
            if (address is not null && !SupportFlow.Users.UserFields.LooksLikeEmail(address))
            {
                errors.Add("address", "'{0}' is not an e-mail address.", address);
            }

            mailbox.Address = address;
        }

        if (request.Priority is not null && errors.Enum<Priority>("priority", request.Priority) is { } priority)
        {
            mailbox.Priority = priority;
        }

        mailbox.Enabled = request.Enabled ?? mailbox.Enabled;
    }

    private static IQueryable<Mailbox> Query(SupportFlowDbContext db) => db.Mailboxes.Include(m => m.Module).ThenInclude(m => m.Team);

    private static async Task<Mailbox> FindAsync(SupportFlowDbContext db, string name, CancellationToken ct) =>
        await Query(db).SingleOrDefaultAsync(m => m.Name == name, ct) ?? throw new NotFoundException("Mailbox '{0}' was not found.", name);
}
