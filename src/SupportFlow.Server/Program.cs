using SupportFlow.Server.Cli;
using SupportFlow.Server.Hosting;

// One executable: no arguments, only configuration overrides (--urls ..., --SupportFlow:Key=value),
// or `serve` followed by them start the server; everything else is the CLI, which refuses an
// unknown verb or argument with the usage and exit code 2 before anything is started.
return ConfigurationArguments.AreOnlyOverrides(args) ? await ServerApp.RunAsync(args)
    : args is ["serve", .. var rest] && ConfigurationArguments.AreOnlyOverrides(rest) ? await ServerApp.RunAsync(rest)
    : await CliCommands.RunAsync(args);

/// <summary>Visible to WebApplicationFactory in the integration tests.</summary>
public partial class Program;
