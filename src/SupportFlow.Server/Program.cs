using SupportFlow.Server.Cli;
using SupportFlow.Server.Hosting;

// One executable: no arguments (or `serve`) starts the server; a command verb runs the CLI.
return CliCommands.IsCommand(args)
    ? await CliCommands.RunAsync(args)
    : await ServerApp.RunAsync(args is ["serve", .. var rest] ? rest : args);

/// <summary>Visible to WebApplicationFactory in the integration tests.</summary>
public partial class Program;
