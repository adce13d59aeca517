using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Server.Auth;
using SupportFlow.Server.Web;
using SupportFlow.Tickets;
using SupportFlow.Users;

namespace SupportFlow.Server.Tickets;

/// <summary>
/// Upload (multipart field <c>file</c>), list and download of a ticket's files. Files are
/// written under the data folder with generated names; the database row is only added once
/// the file is safely on disk.
/// </summary>
public static class AttachmentsApi
{
    public static void MapAttachmentsApi(this RouteGroupBuilder tickets)
    {
        tickets.MapPost("/{number}/attachments", Upload).DisableAntiforgery();
        tickets.MapGet("/{number}/attachments", List);
        tickets.MapGet("/{number}/attachments/{id:long}", Download);
    }

    /// <summary>The form is read only once the caller may attach to the ticket: a refused caller is told nothing about their upload.</summary>
    private static async Task<Created<AttachmentResponse>> Upload(string number, HttpContext http, TicketWork work,
        TicketAttachments attachments, OrganizationTime org, CancellationToken ct)
    {
        var actor = http.User.ToActor();
        await work.EnsureAsync(actor, number, TicketAction.Attach, ct);
        var (ticket, attachment) = await attachments.UploadAsync(actor, number, await UploadedFileAsync(http.Request, ct), ct);
        return TypedResults.Created(ResourceUrl.For("/api/tickets", ticket.Number, "attachments", attachment.Id),
            AttachmentResponse.From(attachment, ticket.Number, org));
    }

    private static async Task<IFormFile?> UploadedFileAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            return null;
        }

        try
        {
            return (await request.ReadFormAsync(ct)).Files.GetFile("file");
        }
        catch (InvalidDataException e)
        {
            // What the form binder would have said of a malformed multipart body (or one past the form limits).
            throw new BadHttpRequestException(e.Message, e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase)
                ? StatusCodes.Status413PayloadTooLarge
                : StatusCodes.Status400BadRequest, e);
        }
    }

    private static async Task<Ok<AttachmentResponse[]>> List(string number, HttpContext http, TicketWork work,
        SupportFlowDbContext db, OrganizationTime org, CancellationToken ct)
    {
        var ticket = await work.FindAsync(http.User.ToActor(), number, ct);
        var attachments = await db.Attachments.AsNoTracking().Where(a => a.TicketId == ticket.Id).OrderBy(a => a.Id).ToListAsync(ct);
        return TypedResults.Ok(attachments.Select(a => AttachmentResponse.From(a, ticket.Number, org)).ToArray());
    }

    private static Task<FileStreamHttpResult> Download(string number, long id, HttpContext http, TicketWork work,
        SupportFlowDbContext db, IOptions<SupportFlowOptions> options, CancellationToken ct) =>
        DownloadAsync(http.User.ToActor(), number, id, work, db, options.Value, ct);

    /// <summary>One file of a ticket the actor may see (the API's and the web pages' download).</summary>
    internal static async Task<FileStreamHttpResult> DownloadAsync(Actor actor, string number, long id, TicketWork work,
        SupportFlowDbContext db, SupportFlowOptions settings, CancellationToken ct)
    {
        var ticket = await work.FindAsync(actor, number, ct);
        var attachment = await db.Attachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id && a.TicketId == ticket.Id, ct)
            ?? throw new NotFoundException("Ticket {0} has no attachment {1}.", number, id);
        var stream = File.OpenRead(Path.Combine(AttachmentStorage.Root(settings), attachment.StoredAs));
        return TypedResults.File(stream, attachment.ContentType, attachment.FileName);
    }

}

/// <summary>An upload over the configured limit: 413 with a message saying the limit.</summary>
public sealed class AttachmentTooLargeException(long limit, long size)
    : LocalizedException(new("The file is {0}; attachments may be at most {1}.", Describe(size), Describe(limit)))
{
    public long Limit { get; } = limit;

    private static string Describe(long bytes) => bytes switch
    {
        >= 1024 * 1024 => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / 1024d / 1024:0.#} MiB ({bytes} bytes)"),
        >= 1024 => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / 1024d:0.#} KiB ({bytes} bytes)"),
        _ => $"{bytes} bytes",
    };
}
