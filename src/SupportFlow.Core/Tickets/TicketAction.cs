namespace SupportFlow.Tickets;

/// <summary>Everything that can be done to a ticket after intake; the API's action names.</summary>
public enum TicketAction
{
    Triage,
    Assign,
    Start,
    Worklog,
    Update,
    Comment,
    Pend,
    Resume,
    Resolve,
    Confirm,
    Close,
    Reopen,
    Cancel,
    Attach,
}
