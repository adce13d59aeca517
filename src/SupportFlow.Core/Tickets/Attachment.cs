namespace SupportFlow.Tickets;

/// <summary>A file attached to a ticket: stored in the data folder under a generated name.</summary>
public sealed class Attachment
{
    private Attachment()
    {
    }

    public Attachment(long ticketId, string fileName, string contentType, long size, string sha256, string storedAs,
        int? uploadedById, string uploadedBy, DateTimeOffset uploadedAt)
    {
        TicketId = ticketId;
        FileName = fileName;
        ContentType = contentType;
        Size = size;
        Sha256 = sha256;
        StoredAs = storedAs;
        UploadedById = uploadedById;
        UploadedBy = uploadedBy;
        UploadedAt = uploadedAt;
    }

    public long Id { get; private set; }

    public long TicketId { get; private set; }

    /// <summary>The sanitised name shown and offered on download.</summary>
    public string FileName { get; private set; } = "";

    /// <summary>Decided by the server from the file's name and checked against its content, never taken from the client.</summary>
    public string ContentType { get; private set; } = "";

    public long Size { get; private set; }

    public string Sha256 { get; private set; } = "";

    /// <summary>Path relative to the attachments folder.</summary>
    public string StoredAs { get; private set; } = "";

    public int? UploadedById { get; private set; }

    public string UploadedBy { get; private set; } = "";

    public DateTimeOffset UploadedAt { get; private set; }
}
