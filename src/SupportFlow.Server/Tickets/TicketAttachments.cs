using Microsoft.Extensions.Options;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Tickets;
using SupportFlow.Users;

namespace SupportFlow.Server.Tickets;

/// <summary>Attaching a file to a ticket: the API's upload, the ticket page's form, the report form and the close form.</summary>
public sealed class TicketAttachments(
    TicketWork work, SupportFlowDbContext db, IOptions<SupportFlowOptions> options, TimeProvider clock, ILogger<TicketAttachments> log)
{
    /// <summary>The files a form sent, without the empty entry a browser posts for a file input left empty.</summary>
    public static List<IFormFile> Chosen(IEnumerable<IFormFile>? files) =>
        [.. (files ?? []).Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName))];

    /// <summary>
    /// Checks every file of a form by the attachment rules (<see cref="AttachmentStorage.CheckAsync"/>) before the
    /// action they go with is done: a refused file is reported next to <paramref name="field"/> and nothing changes.
    /// </summary>
    public async Task CheckAsync(IReadOnlyList<IFormFile> files, string field, CancellationToken ct)
    {
        var errors = new RequestErrors();
        foreach (var file in files)
        {
            await using var input = file.OpenReadStream();
            if (await AttachmentStorage.CheckAsync(input, file.FileName, file.Length, options.Value, ct) is { } refused)
            {
                errors.Add(field, refused.Refusal!);
            }
        }

        errors.ThrowIfInvalid();
    }

    /// <summary>
    /// Stores checked files on a ticket the action just saved. The action is done by now, so a failure (the disk,
    /// the database) must not turn into an error page inviting the action again: the names of the files not kept
    /// are returned for the page's notice, where they can be added again.
    /// </summary>
    public async Task<List<string>> StoreAllAsync(Actor actor, Ticket ticket, IReadOnlyList<IFormFile> files, CancellationToken ct)
    {
        for (var i = 0; i < files.Count; i++)
        {
            try
            {
                await StoreAsync(actor, ticket, files[i], ct);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                // The context may hold the failed changes: the remaining files are not tried.
                log.LogError(e, "Ticket {Number} was saved but its attachment {File} could not be stored", ticket.Number,
                    AttachmentFiles.SanitizeName(files[i].FileName));
                return [.. files.Skip(i).Select(f => AttachmentFiles.SanitizeName(f.FileName))];
            }
        }

        return [];
    }

    /// <summary>One file on a ticket the actor may see, found by number.</summary>
    public async Task<(Ticket Ticket, Attachment Attachment)> UploadAsync(Actor actor, string number, IFormFile? file,
        CancellationToken ct)
    {
        var ticket = await work.FindAsync(actor, number, ct);
        return (ticket, await StoreAsync(actor, ticket, file, ct));
    }

    /// <summary>
    /// Checks and stores one file of a ticket the actor may see: the API's upload and the web
    /// forms go through here. Throws the same validation errors for both.
    /// </summary>
    public async Task<Attachment> StoreAsync(Actor actor, Ticket ticket, IFormFile? file, CancellationToken ct)
    {
        var settings = options.Value;
        TicketPermissions.Ensure(actor, ticket, TicketAction.Attach);
        var errors = new RequestErrors();
        if (file is null || file.Length == 0)
        {
            errors.Add("file", "Send the file as multipart/form-data in a field named 'file'; empty files are refused.");
            errors.ThrowIfInvalid();
        }

        var now = clock.GetUtcNow();
        StoredFile stored;
        await using (var input = file!.OpenReadStream())
        {
            stored = await AttachmentStorage.StoreAsync(input, file.FileName, file.Length, settings, now, ct);
        }

        if (stored.TooLarge)
        {
            throw new AttachmentTooLargeException(settings.Attachments.MaxBytes, file.Length);
        }

        if (stored.Refusal is not null)
        {
            errors.Add("file", stored.Refusal);
            errors.ThrowIfInvalid();
        }

        try
        {
            var attachment = new Attachment(ticket.Id, stored.Name, stored.ContentType, stored.Size, stored.Sha256, stored.StoredAs,
                actor.UserId, actor.Login, now);
            db.Attachments.Add(attachment);
            ticket.RecordAttachment(actor, now, stored.Name, stored.Size);
            await db.SaveChangesAsync(ct);
            return attachment;
        }
        catch
        {
            stored.Discard();
            throw;
        }
    }
}
