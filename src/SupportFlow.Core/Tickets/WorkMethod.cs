namespace SupportFlow.Tickets;

/// <summary>How a troubleshooting step was carried out.</summary>
public enum WorkMethod
{
    Remote,
    Onsite,
    Phone,
}

/// <summary>Where a fix was verified.</summary>
public enum Verification
{
    Remote,
    Onsite,
}

/// <summary>Whom a pending ticket waits on. Only a wait on the reporter pauses SLA clocks.</summary>
public enum PendingReason
{
    Reporter,
    Vendor,
}
