namespace SupportFlow.Server.Reports;

/// <summary>One table of a report as it is exported: a name (the worksheet's), column headers, rows of text and numbers.</summary>
public sealed record ReportTable(string Name, IReadOnlyList<string> Headers, IReadOnlyList<object?[]> Rows);

/// <summary>A report that can be exported: its tables, in the order a reader expects them.</summary>
public interface IReport
{
    /// <summary>The report's name in URLs and file names ("volume", "times", ...).</summary>
    static abstract string Name { get; }

    IReadOnlyList<ReportTable> Tables();
}
