namespace SupportFlow.Reports;

/// <summary>Shares (0..1) of a report, rounded to four places; unknown (null) when there is nothing to divide by.</summary>
public static class Rate
{
    public static double? Of(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);
}
