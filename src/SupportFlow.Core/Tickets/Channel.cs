namespace SupportFlow.Tickets;

/// <summary>How a report reached the desk.</summary>
public enum Channel
{
    Phone,
    Portal,
    Email,
    Chat,
    Api,
}
