namespace SupportFlow.Server.Intake.WebForm;

/// <summary>The <c>SupportFlow:WebForm</c> configuration section: the public report form at <c>/forms/report</c>.</summary>
public sealed class WebFormOptions
{
    public const string Section = "SupportFlow:WebForm";

    public bool Enabled { get; set; } = true;

    /// <summary>Reports accepted per client IP address within <see cref="WindowMinutes"/>.</summary>
    public int PermitPerWindow { get; set; } = 5;

    public int WindowMinutes { get; set; } = 10;

    /// <summary>The priority of reports from the form, for a supervisor to triage.</summary>
    public string Priority { get; set; } = "P3";

    /// <summary>Sites that may embed the form in a frame (CSP frame-ancestors), e.g. "https://www.example.com"; "*" any.</summary>
    public string FrameAncestors { get; set; } = "*";
}
