using SupportFlow.Common;
using SupportFlow.Server.Sla;
using SupportFlow.Sla;
using SupportFlow.Tickets;

namespace SupportFlow.Server.Tickets;

public sealed record PersonRef(string Login, string Name);

public sealed record ReporterResponse(string? Login, string Name, string? Department, string? Phone, string? Email);

public sealed record PendingResponse(PendingReason Reason, string? Note);

public sealed record ConfirmationResponse(bool Resolved, string? Comment, DateTimeOffset? At, bool OnBehalfOfReporter);

/// <summary>A ticket on the wire: the intake names of SPEC.md plus number, status, owner and lifecycle fields.</summary>
public sealed record TicketResponse(
    string Number,
    string Title,
    string Description,
    DateTimeOffset OccurredAt,
    DateTimeOffset ReceivedAt,
    string Module,
    string Category,
    string Impact,
    Priority Priority,
    Channel Channel,
    TicketStatus Status,
    ReporterResponse Reporter,
    PersonRef? Assignee,
    string? Team,
    PendingResponse? Pending,
    DateTimeOffset? TriagedAt,
    DateTimeOffset? FirstAssignedAt,
    DateTimeOffset? FirstRespondedAt,
    DateTimeOffset? LastPublicUpdateAt,
    string? Solution,
    string? Cause,
    string? Workaround,
    Verification? Verification,
    string? Backup,
    DateTimeOffset? ResolvedAt,
    ConfirmationResponse? Confirmation,
    int? Rating,
    DateTimeOffset? ClosedAt,
    bool ClosedWithoutConfirmation,
    string? CancelReason,
    int ReopenCount,
    DateTimeOffset? ReporterRepliedAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    SlaResponse Sla,
    string? ResponsibleDepartment,
    string[] CollaboratingDepartments,
    VendorContactResponse[] VendorContacts)
{
    /// <summary>Maps a ticket loaded with its module, team, assignee and clock intervals. Times are shown in the organisation's zone.</summary>
    public static TicketResponse From(Ticket t, string? reporterLogin, OrganizationTime org, bool staffView, SlaStatus sla) => new(
        t.Number,
        t.Title,
        t.Description,
        org.Local(t.OccurredAt),
        org.Local(t.ReceivedAt),
        t.Module.Name,
        t.Module.Category,
        t.Impact,
        t.Priority,
        t.Channel,
        t.Status,
        new ReporterResponse(reporterLogin, t.Reporter.Name, t.Reporter.Department, t.Reporter.Phone, t.Reporter.Email),
        t.Assignee is { } a ? new PersonRef(a.Login, a.Name) : null,
        t.Team?.Name,
        t.PendingReason is { } reason ? new PendingResponse(reason, t.PendingNote) : null,
        org.Local(t.TriagedAt),
        org.Local(t.FirstAssignedAt),
        org.Local(t.FirstRespondedAt),
        org.Local(t.LastPublicUpdateAt),
        t.Solution,
        t.Cause,
        t.Workaround,
        t.Verification,
        staffView ? t.Backup : null,
        org.Local(t.ResolvedAt),
        ConfirmationOf(t, org),
        t.Rating,
        org.Local(t.ClosedAt),
        t.ClosedWithoutConfirmation,
        t.CancelReason,
        t.ReopenCount,
        org.Local(t.ReporterRepliedAt),
        org.Local(t.CreatedAt),
        org.Local(t.UpdatedAt),
        SlaResponse.From(sla, org),
        t.ResponsibleDepartment?.Name,
        [.. t.CollaboratingDepartments.Select(d => d.Name).Order(StringComparer.Ordinal)],
        staffView ? [.. t.VendorContacts.OrderBy(v => v.Id).Select(v => VendorContactResponse.From(v, org))] : []);

    private static ConfirmationResponse? ConfirmationOf(Ticket t, OrganizationTime org) =>
        t.ConfirmedAt is not null || t.ConfirmationComment is not null
            ? new ConfirmationResponse(t.ConfirmedAt is not null, t.ConfirmationComment, org.Local(t.ConfirmedAt), t.ConfirmedOnBehalf)
            : null;
}

/// <summary>A vendor contact involved in a ticket (shown to staff only: an outside party's address).</summary>
public sealed record VendorContactResponse(long Id, string Name, string Company, string Email, string AddedBy, DateTimeOffset AddedAt)
{
    public static VendorContactResponse From(TicketVendorContact v, OrganizationTime org) =>
        new(v.Id, v.Name, v.Company, v.Email, v.AddedBy, org.Local(v.AddedAt));
}

public sealed record TicketPage(IReadOnlyList<TicketResponse> Items, string? NextCursor);

public sealed record HistoryEntryResponse(
    long Id,
    DateTimeOffset At,
    PersonRef Actor,
    string Action,
    string? Field,
    string? OldValue,
    string? NewValue,
    string? Note,
    WorkMethod? Method,
    bool Public,
    bool OnBehalfOfReporter,
    string? MergedFrom)
{
    public static HistoryEntryResponse From(TicketHistoryEntry e, OrganizationTime org) => new(
        e.Id, org.Local(e.At), new PersonRef(e.ActorLogin, e.ActorName), e.Action, e.Field, e.OldValue, e.NewValue,
        e.Written?.In(System.Globalization.CultureInfo.CurrentUICulture), e.Method, e.IsPublic, e.OnBehalfOfReporter, e.MergedFrom);
}

public sealed record AttachmentResponse(long Id, string FileName, string ContentType, long Size, string Sha256,
    string UploadedBy, DateTimeOffset UploadedAt, string Url)
{
    public static AttachmentResponse From(Attachment a, string number, OrganizationTime org) => new(
        a.Id, a.FileName, a.ContentType, a.Size, a.Sha256, a.UploadedBy, org.Local(a.UploadedAt),
        $"/api/tickets/{number}/attachments/{a.Id}");
}
