namespace SupportFlow.Tickets;

/// <summary>
/// The ticket field a history line changed (<see cref="TicketHistoryEntry.Field"/>). Link lines
/// name the link's kind instead, and SLA lines the SLA target (<see cref="Sla.SlaTargets"/>).
/// </summary>
public static class HistoryField
{
    public const string Status = "status";
    public const string Priority = "priority";
    public const string Team = "team";
    public const string Assignee = "assignee";
    public const string PendingReason = "pendingReason";
    public const string Solution = "solution";
    public const string Cause = "cause";
    public const string Workaround = "workaround";
    public const string Backup = "backup";
    public const string Verification = "verification";
    public const string Confirmation = "confirmation";
    public const string Rating = "rating";
    public const string CancelReason = "cancelReason";
    public const string ReopenCount = "reopenCount";
    public const string ClosedWithoutConfirmation = "closedWithoutConfirmation";
    public const string Sla = "sla";
    public const string ResponsibleDepartment = "responsibleDepartment";
    public const string CollaboratingDepartment = "collaboratingDepartment";
    public const string VendorContact = "vendorContact";
    public const string MergedFrom = "mergedFrom";
    public const string Attachment = "attachment";

    /// <summary>The values of a <see cref="Confirmation"/> line: the reporter's answer.</summary>
    public static class Confirmed
    {
        public const string Resolved = "resolved";
        public const string NotResolved = "notResolved";
    }
}
