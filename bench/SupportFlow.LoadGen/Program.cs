using System.Globalization;
using SupportFlow.LoadGen;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

if (args.Length == 0 || args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine(LoadOptions.Usage);
    return args.Length == 0 ? 2 : 0;
}

var options = LoadOptions.Parse(args, out var error);
if (options is null)
{
    Console.Error.WriteLine(error);
    Console.Error.WriteLine("Run with --help for the options.");
    return 2;
}

// Ctrl+C stops the run early; every loop below is also bounded by counts and the duration cap.
using var interrupted = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    interrupted.Cancel();
};

using var api = new Api(options.Url, options.Concurrency, options.RequestTimeout);
Fixture fixture;
try
{
    fixture = await Setup.CreateAsync(api, options.Token, interrupted.Token);
}
catch (SetupException e)
{
    Console.Error.WriteLine($"setup failed: {e.Message}");
    return 1;
}

Console.WriteLine($"setup: team '{fixture.Team}', module '{fixture.Module}', engineer {fixture.Engineer}, reporter {fixture.Reporter}");
Console.WriteLine($"target {options.Url}, concurrency {options.Concurrency}, tickets {options.Tickets}, list requests {options.Requests}, "
    + $"cap {options.Duration.TotalSeconds:F0} s per scenario, request timeout {options.RequestTimeout.TotalSeconds:F0} s");

var scenarios = new Scenarios(api, options, fixture);
var failed = false;
var rows = new List<string>();
foreach (var name in options.Scenarios)
{
    var usage = ResourceUsage.Start(options.ServerPid);
    ScenarioResult result;
    try
    {
        result = name switch
        {
            "intake" => await scenarios.IntakeAsync(interrupted.Token),
            "mixed" => await scenarios.MixedAsync(interrupted.Token),
            "list" => await scenarios.ListAsync(interrupted.Token),
            "queue" => await scenarios.QueueAsync(interrupted.Token),
            "search" => await scenarios.SearchAsync(interrupted.Token),
            _ => throw new InvalidOperationException($"Unknown scenario '{name}'."),
        };
    }
    catch (SetupException e)
    {
        Console.Error.WriteLine($"{name} failed: {e.Message}");
        failed = true;
        continue;
    }

    usage.Stop();
    var text = Report.Print(result, options, usage);
    Console.WriteLine();
    Console.Write(text);
    rows.Add(text.Split('\n').Single(l => l.StartsWith("SUMMARY ", StringComparison.Ordinal))["SUMMARY ".Length..].TrimEnd());
    failed |= result.CheckPassed == false;
}

Console.WriteLine();
Console.WriteLine(Report.RowHeader);
Console.WriteLine(Report.RowRule);
foreach (var row in rows)
{
    Console.WriteLine(row);
}

return failed ? 1 : 0;
