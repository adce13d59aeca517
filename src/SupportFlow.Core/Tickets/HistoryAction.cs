namespace SupportFlow.Tickets;

/// <summary>
/// What caused a history line (<see cref="TicketHistoryEntry.Action"/>). Stored and sent as these
/// words, and matched by the notice rules and the pages: one definition, so a rename cannot
/// silently drop a notification. The lifecycle's own actions carry <see cref="TicketAction"/>'s wire names.
/// </summary>
public static class HistoryAction
{
    public const string Create = "create";
    public const string Triage = "triage";
    public const string Assign = "assign";
    public const string Start = "start";
    public const string Worklog = "worklog";
    public const string Update = "update";
    public const string Comment = "comment";
    public const string Pend = "pend";
    public const string Resume = "resume";
    public const string Resolve = "resolve";
    public const string Confirm = "confirm";
    public const string Close = "close";
    public const string AutoClose = "autoClose";
    public const string Reopen = "reopen";
    public const string Cancel = "cancel";
    public const string Attach = "attach";
    public const string Sla = "sla";
    public const string Department = "department";
    public const string Vendor = "vendor";
    public const string Review = "review";
    public const string Link = "link";
    public const string Merge = "merge";
    public const string Imported = "imported";
    public const string Notify = "notify";
}
