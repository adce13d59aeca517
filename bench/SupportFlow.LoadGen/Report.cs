using System.Globalization;
using System.Text;

namespace SupportFlow.LoadGen;

/// <summary>Latency percentiles from a sorted array of per-request timings (nearest rank).</summary>
public sealed record Latency(int Count, double P50, double P90, double P95, double P99, double Max, double Mean)
{
    public static Latency Of(IEnumerable<long> ticks)
    {
        var sorted = ticks.ToArray();
        Array.Sort(sorted);
        if (sorted.Length == 0)
        {
            return new Latency(0, 0, 0, 0, 0, 0, 0);
        }

        double Ms(long t) => t / (double)TimeSpan.TicksPerMillisecond;
        double Rank(double p) => Ms(sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)]);
        return new Latency(sorted.Length, Rank(0.50), Rank(0.90), Rank(0.95), Rank(0.99), Ms(sorted[^1]), Ms((long)sorted.Average()));
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"p50 {P50,8:F1}  p90 {P90,8:F1}  p95 {P95,8:F1}  p99 {P99,8:F1}  max {Max,8:F1}  mean {Mean,8:F1} ms");
}

/// <summary>Prints one scenario's figures, and a Markdown row for bench/RESULTS.md.</summary>
public static class Report
{
    public const string RowHeader =
        "| run | scenario | conc | done | requests | errors | wall s | req/s | done/s | p50 ms | p90 ms | p95 ms | p99 ms | max ms | check | CPU server | CPU loadgen | CPU others | iowait | server disk writes |";

    public const string RowRule =
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |";

    private static readonly double[] BucketsMs = [10, 25, 50, 100, 150, 300, 600, 1200, 2400];

    /// <summary>Share of requests per latency band: busy SQLite writers retry in steps of 150 ms, which shows here.</summary>
    public static string Histogram(Recorder.Sample[] samples)
    {
        if (samples.Length == 0)
        {
            return "(no requests)";
        }

        var counts = new int[BucketsMs.Length + 1];
        foreach (var sample in samples)
        {
            var ms = sample.Ticks / (double)TimeSpan.TicksPerMillisecond;
            var bucket = Array.FindIndex(BucketsMs, limit => ms < limit);
            counts[bucket < 0 ? BucketsMs.Length : bucket]++;
        }

        var parts = new List<string>();
        for (var i = 0; i < counts.Length; i++)
        {
            var label = i == 0 ? $"<{BucketsMs[0]}" : i == BucketsMs.Length ? $">={BucketsMs[^1]}" : $"{BucketsMs[i - 1]}-{BucketsMs[i]}";
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{label}ms {counts[i] * 100.0 / samples.Length:F0}%"));
        }

        return string.Join("  ", parts);
    }

    public static string Print(ScenarioResult result, LoadOptions options, ResourceUsage? usage)
    {
        var inv = CultureInfo.InvariantCulture;
        var samples = result.Samples;
        var errors = samples.Where(s => !s.Success).ToList();
        var seconds = Math.Max(result.Wall.TotalSeconds, 1e-9);
        var all = Latency.Of(samples.Select(s => s.Ticks));
        var text = new StringBuilder();
        text.AppendLine(inv, $"== {result.Name}: concurrency {options.Concurrency}, {result.UnitsDone} {result.Unit} done in {result.Wall.TotalSeconds:F2} s");
        text.AppendLine(inv, $"requests   {samples.Length}, errors {errors.Count}, throughput {samples.Length / seconds:F1} req/s, {result.UnitsDone / seconds:F1} {result.Unit}/s");
        text.AppendLine(inv, $"latency    {all}");
        text.AppendLine("histogram  " + Histogram(samples));
        if (errors.Count > 0)
        {
            text.AppendLine("errors     " + string.Join(", ", errors.GroupBy(e => e.Outcome, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} x{g.Count()}")));
        }

        text.AppendLine("by operation:");
        foreach (var op in samples.GroupBy(s => s.Operation, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var failed = op.Count(s => !s.Success);
            text.AppendLine(inv, $"  {op.Key,-28} {op.Count(),7} req {failed,5} err  {Latency.Of(op.Select(s => s.Ticks))}");
        }

        foreach (var note in result.Notes)
        {
            text.AppendLine(note);
        }

        if (usage is not null)
        {
            text.AppendLine(usage.Describe(result.Wall));
        }

        if (result.CheckPassed is { } passed)
        {
            text.AppendLine(inv, $"check      {result.CheckName}: {(passed ? "OK" : "FAIL")}");
        }

        var check = result.CheckPassed switch { true => "OK", false => "FAIL", null => "-" };
        var row = string.Create(inv,
            $"| {options.Label ?? "-"} | {result.Name} | {options.Concurrency} | {result.UnitsDone} {result.Unit} | {samples.Length} | {errors.Count} | {result.Wall.TotalSeconds:F1} | {samples.Length / seconds:F0} | {result.UnitsDone / seconds:F1} | {all.P50:F1} | {all.P90:F1} | {all.P95:F1} | {all.P99:F1} | {all.Max:F0} | {check} | {usage?.ServerCpuPercent(result.Wall) ?? "-"} | {usage?.LoadGenCpuPercent(result.Wall) ?? "-"} | {usage?.OthersCpuPercent(result.Wall) ?? "-"} | {usage?.IowaitPercent ?? "-"} | {usage?.ServerWrites ?? "-"} |");
        text.Append("SUMMARY ").AppendLine(row);
        return text.ToString();
    }
}
