namespace SupportFlow.Data;

/// <summary>The last serial handed out for one receiving day (key yyyyMMdd).</summary>
public sealed class TicketDayCounter
{
    public string Day { get; set; } = "";

    public int LastSerial { get; set; }
}
