using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Reports;
using SupportFlow.Tickets;

namespace SupportFlow.Server.Reports;

/// <summary>Tickets of one day / week / month (key: its first day), or of one module, category, channel, priority or department.</summary>
public sealed record VolumeCount(string? Key, int Tickets);

/// <summary>
/// <c>GET /api/reports/volume</c>: the tickets received in the period (cancelled ones included:
/// they were received), over time (<c>groupBy=day|week|month</c>) and by module, module category,
/// channel, priority and the reporter's department (a null key: no department recorded).
/// </summary>
public sealed record VolumeReport(DateOnly From, DateOnly To, string GroupBy, int Tickets, VolumeCount[] Series,
    VolumeCount[] ByModule, VolumeCount[] ByCategory, VolumeCount[] ByChannel, VolumeCount[] ByPriority,
    VolumeCount[] ByDepartment) : IReport
{
    public static string Name => "volume";

    public static async Task<VolumeReport> ComputeAsync(ReportScope scope, TimeGrouping grouping, SupportFlowDbContext db,
        OrganizationTime org, CancellationToken ct)
    {
        var received = scope.Received(db);

        // Days, weeks and months are the organisation's, whose offset may change within the period:
        // the receiving times are streamed (one column) and bucketed here rather than in SQL.
        var times = new List<DateTimeOffset>();
        await foreach (var at in received.Select(t => t.ReceivedAt).AsAsyncEnumerable().WithCancellation(ct))
        {
            times.Add(at);
        }

        VolumeCount[] series = [.. TimeBuckets.Count(times, scope.Period, org.Zone, grouping)
            .Select(b => new VolumeCount(Day(b.Bucket), b.Count))];
        return new VolumeReport(scope.Period.From, scope.Period.To, WireNames.Of(grouping), times.Count, series,
            await CountByAsync(received, t => t.Module.Name, n => n, ct),
            await CountByAsync(received, t => t.Module.Category, n => n, ct),
            await CountByAsync(received, t => t.Channel, c => WireNames.Of(c), ct),
            [.. (await CountByAsync(received, t => t.Priority, p => WireNames.Of(p), ct)).OrderBy(c => c.Key, StringComparer.Ordinal)],
            await CountByAsync(received, t => t.Reporter.Department, d => d, ct));
    }

    public IReadOnlyList<ReportTable> Tables() =>
    [
        Table($"By {GroupBy}", GroupBy, Series),
        Table("By module", "module", ByModule),
        Table("By category", "category", ByCategory),
        Table("By channel", "channel", ByChannel),
        Table("By priority", "priority", ByPriority),
        Table("By department", "department", ByDepartment),
    ];

    internal static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static ReportTable Table(string name, string key, VolumeCount[] counts) =>
        new(name, [key, "tickets"], [.. counts.Select(c => new object?[] { c.Key, c.Tickets })]);

    /// <summary>Counted by the database; the most tickets first, then by key.</summary>
    private static async Task<VolumeCount[]> CountByAsync<TKey>(IQueryable<Ticket> tickets, Expression<Func<Ticket, TKey>> key,
        Func<TKey, string?> name, CancellationToken ct)
    {
        var groups = await tickets.GroupBy(key).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return [.. groups.Select(g => new VolumeCount(name(g.Key), g.Count))
            .OrderByDescending(c => c.Tickets).ThenBy(c => c.Key, StringComparer.Ordinal)];
    }
}
