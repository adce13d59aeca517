using System.Diagnostics;
using System.Globalization;

namespace SupportFlow.LoadGen;

/// <summary>
/// CPU and disk use over a measured phase, from Linux /proc: the server's CPU time and bytes
/// written to storage (with --server-pid), this process's CPU time, and the whole host's busy
/// and iowait shares. Figures that cannot be read are left out.
/// </summary>
public sealed class ResourceUsage
{
    /// <summary>USER_HZ: /proc reports CPU time in these ticks; 100 on every mainstream Linux.</summary>
    private const double TicksPerSecond = 100;

    private readonly int? serverPid;
    private readonly Snapshot start;
    private Snapshot? end;

    private ResourceUsage(int? serverPid)
    {
        this.serverPid = serverPid;
        start = Take(serverPid);
    }

    public static ResourceUsage Start(int? serverPid) => new(serverPid);

    public void Stop() => end = Take(serverPid);

    private readonly record struct Snapshot(double? ServerCpu, long? ServerWriteBytes, double SelfCpu, long[]? Host);

    private static Snapshot Take(int? pid) => new(
        pid is int p ? ServerCpuSeconds(p) : null,
        pid is int q ? ServerWriteBytes(q) : null,
        SelfCpuSeconds(),
        HostTicks());

    private static double SelfCpuSeconds()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime.TotalSeconds;
    }

    public string? ServerCpuPercent(TimeSpan wall) =>
        end is { ServerCpu: double b } && start.ServerCpu is double a
            ? string.Create(CultureInfo.InvariantCulture, $"{(b - a) / wall.TotalSeconds * 100:F0}%")
            : null;

    public string? HostBusyPercent => HostShare(busy: true);

    public string? IowaitPercent => HostShare(busy: false);

    /// <summary>This process's CPU time over the phase, in percent of one core.</summary>
    public string LoadGenCpuPercent(TimeSpan wall) =>
        string.Create(CultureInfo.InvariantCulture, $"{SelfCpu / wall.TotalSeconds * 100:F0}%");

    /// <summary>
    /// CPU used by everything else on the host (other builds and tests share the machine):
    /// all cores' busy time less the server's and this process's, in percent of one core.
    /// </summary>
    public string? OthersCpuPercent(TimeSpan wall)
    {
        if (start.Host is not { } a || end?.Host is not { } b || end is not { ServerCpu: double serverEnd }
            || start.ServerCpu is not double serverStart)
        {
            return null;
        }

        var delta = a.Zip(b, (x, y) => y - x).ToArray();
        var busy = (delta.Take(8).Sum() - delta[3] - delta[4]) / TicksPerSecond;
        var others = Math.Max(0, busy - (serverEnd - serverStart) - SelfCpu);
        return string.Create(CultureInfo.InvariantCulture, $"{others / wall.TotalSeconds * 100:F0}%");
    }

    private double SelfCpu => end is { } e ? e.SelfCpu - start.SelfCpu : 0;

    /// <summary>The 1-minute load average when the phase began.</summary>
    public string? LoadAverage { get; } = ReadLoadAverage();

    public string? ServerWrites =>
        end is { ServerWriteBytes: long b } && start.ServerWriteBytes is long a
            ? string.Create(CultureInfo.InvariantCulture, $"{(b - a) / 1048576.0:F1} MiB")
            : null;

    public string Describe(TimeSpan wall)
    {
        var inv = CultureInfo.InvariantCulture;
        return string.Create(inv, $"resources  CPU in % of one core: server {ServerCpuPercent(wall) ?? "n/a"}, load generator {LoadGenCpuPercent(wall)}, other processes {OthersCpuPercent(wall) ?? "n/a"}; ")
            + string.Create(inv, $"host ({Environment.ProcessorCount} cores) busy {HostBusyPercent ?? "n/a"}, iowait {IowaitPercent ?? "n/a"}, load average at start {LoadAverage ?? "n/a"}; server disk writes {ServerWrites ?? "n/a"}");
    }

    /// <summary>Busy (not idle, not iowait) or iowait share of all cores' time, from /proc/stat's first line.</summary>
    private string? HostShare(bool busy)
    {
        if (start.Host is not { } a || end?.Host is not { } b)
        {
            return null;
        }

        var delta = a.Zip(b, (x, y) => y - x).ToArray();
        var total = delta.Take(8).Sum();
        if (total <= 0)
        {
            return null;
        }

        var share = busy ? total - delta[3] - delta[4] : delta[4];
        return string.Create(CultureInfo.InvariantCulture, $"{share * 100.0 / total:F0}%");
    }

    private static string? ReadLoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static long[]? HostTicks()
    {
        try
        {
            var line = File.ReadLines("/proc/stat").First();
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8)
                .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            return fields.Length == 8 ? fields : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }

    private static double? ServerCpuSeconds(int pid)
    {
        try
        {
            // Fields after the ")" that closes the command name: state is [0], utime [11], stime [12].
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture))
                / TicksPerSecond;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    private static long? ServerWriteBytes(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/io").FirstOrDefault(l => l.StartsWith("write_bytes:", StringComparison.Ordinal));
            return line is null ? null : long.Parse(line["write_bytes:".Length..].Trim(), CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }
}
