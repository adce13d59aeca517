namespace SupportFlow.Recurring;

/// <summary>The <c>SupportFlow:Reviews</c> section: when similar tickets count as a recurring problem.</summary>
public sealed class ReviewOptions
{
    public const string Section = "SupportFlow:Reviews";

    /// <summary>This many similar tickets on one module (the new one included) open a recurring-problem review.</summary>
    public int RecurringMinTickets { get; set; } = 3;

    /// <summary>...received within this many days of each other.</summary>
    public int RecurringWindowDays { get; set; } = 30;

    /// <summary>How alike two tickets' texts must be (0..1, <see cref="RecurringProblems.Similarity"/>) to count as the same problem.</summary>
    public double RecurringSimilarity { get; set; } = 0.35;
}
