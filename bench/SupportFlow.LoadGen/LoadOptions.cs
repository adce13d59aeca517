using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace SupportFlow.LoadGen;

/// <summary>Command-line options. Every loop of the generator is bounded by a count and by <see cref="Duration"/>.</summary>
public sealed record LoadOptions(
    Uri Url,
    string Token,
    int Concurrency,
    int Tickets,
    int Requests,
    TimeSpan Duration,
    TimeSpan RequestTimeout,
    IReadOnlyList<string> Scenarios,
    int? ServerPid,
    string? Label)
{
    public static readonly string[] KnownScenarios = ["intake", "mixed", "list", "queue", "search"];

    public const string Usage = """
        SupportFlow.LoadGen: drives a running SupportFlow server over HTTP and reports latency and throughput.

        Options:
          --url http://127.0.0.1:PORT   the server (loopback addresses only)                    required
          --token TOKEN                 an admin's API token (setup: team, module, users, tokens) required
          --scenario S[,S...]           intake | mixed | list | queue | search (comma list runs  default intake
                                        them in order); queue and search read a large database
                                        (bench/run-large.sh): team queues by SLA due, full-text search
          --concurrency N               requests in flight at once (workers)                    default 16
          --tickets N                   tickets to create (intake, mixed: one flow per ticket)  default 2000
          --requests N                  page requests of the list, queue and search scenarios   default 2000
          --duration-seconds S          cap of each scenario's measured phase                   default 120
          --timeout-seconds S           one request's timeout                                   default 90
          --server-pid PID              sample the server's CPU time and disk writes from /proc  optional
          --label TEXT                  a label printed in the summary row                      optional

        Exit codes: 0 done (errors are reported, not fatal), 1 a check failed (numbering, paging) or
        setup failed, 2 invalid options.
        """;

    /// <summary>Parses the arguments; null with a message when they are invalid.</summary>
    public static LoadOptions? Parse(string[] args, out string? error)
    {
        error = null;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                error = $"Unexpected argument '{arg}'.";
                return null;
            }

            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                values[arg[2..eq]] = arg[(eq + 1)..];
            }
            else if (i + 1 < args.Length)
            {
                values[arg[2..]] = args[++i];
            }
            else
            {
                error = $"Option '{arg}' needs a value.";
                return null;
            }
        }

        var known = new HashSet<string>(StringComparer.Ordinal)
        {
            "url", "token", "scenario", "concurrency", "tickets", "requests", "duration-seconds", "timeout-seconds",
            "server-pid", "label",
        };
        if (values.Keys.FirstOrDefault(k => !known.Contains(k)) is { } unknown)
        {
            error = $"Unknown option '--{unknown}'.";
            return null;
        }

        if (!values.TryGetValue("url", out var urlText) || !Uri.TryCreate(urlText, UriKind.Absolute, out var url)
            || url.Scheme != Uri.UriSchemeHttp)
        {
            error = "--url http://127.0.0.1:PORT is required.";
            return null;
        }

        // Load goes to this machine only: a literal loopback IPv4 address, never a name that could resolve elsewhere.
        if (!IPAddress.TryParse(url.Host, out var address) || address.AddressFamily != AddressFamily.InterNetwork
            || !IPAddress.IsLoopback(address))
        {
            error = $"--url must name a loopback address such as 127.0.0.1, not '{url.Host}'.";
            return null;
        }

        if (!values.TryGetValue("token", out var token) || string.IsNullOrWhiteSpace(token))
        {
            error = "--token <admin token> is required.";
            return null;
        }

        var scenarios = (values.GetValueOrDefault("scenario") ?? "intake")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => s.ToLowerInvariant()).ToList();
        if (scenarios.Count == 0 || scenarios.Any(s => !KnownScenarios.Contains(s)))
        {
            error = $"--scenario takes {string.Join(", ", KnownScenarios)} (or a comma list of them).";
            return null;
        }

        var concurrency = Int(values, "concurrency", 16, 1, 1024, ref error);
        var tickets = Int(values, "tickets", 2000, 1, 1_000_000, ref error);
        var requests = Int(values, "requests", 2000, 1, 1_000_000, ref error);
        var duration = Int(values, "duration-seconds", 120, 1, 3600, ref error);
        var timeout = Int(values, "timeout-seconds", 90, 1, 600, ref error);
        int? pid = values.ContainsKey("server-pid") ? Int(values, "server-pid", 0, 1, int.MaxValue, ref error) : null;
        if (error is not null)
        {
            return null;
        }

        return new LoadOptions(new Uri(url.GetLeftPart(UriPartial.Authority)), token.Trim(), concurrency, tickets, requests,
            TimeSpan.FromSeconds(duration), TimeSpan.FromSeconds(timeout), scenarios, pid, values.GetValueOrDefault("label"));
    }

    private static int Int(Dictionary<string, string> values, string name, int fallback, int min, int max, ref string? error)
    {
        if (!values.TryGetValue(name, out var text))
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        error ??= $"--{name} takes a whole number from {min} to {max}, not '{text}'.";
        return fallback;
    }
}
