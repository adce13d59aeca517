using BenchmarkDotNet.Running;

namespace SupportFlow.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project bench/SupportFlow.Benchmarks -- --filter '*'</c> runs the
/// benchmarks; <c>-- --profile-sweep</c> prints where a ticket's time goes in the SLA sweep.
/// </summary>
internal static class Program
{
    private static void Main(string[] args)
    {
        if (args is ["--profile-sweep"])
        {
            SweepProfile.RunAsync().GetAwaiter().GetResult();
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
