using Microsoft.Extensions.Options;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Tickets;
using SupportFlow.Users;

namespace SupportFlow.Server.Tickets;

/// <summary>Attaching a file to a ticket: the API's upload, the ticket page's form and the report form.</summary>
public sealed class TicketAttachments(TicketWork work, SupportFlowDbContext db, IOptions<SupportFlowOptions> options, TimeProvider clock)
{
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
