namespace SupportFlow.Server.Archive;

/// <summary>A progress bar on stderr, redrawn in place; only when stderr is a terminal, so scripts and logs get none.</summary>
public sealed class CliProgressBar(string label) : IProgress<ArchiveProgress>
{
    private const int Width = 30;
    private int _lastPercent = -1;

    public static CliProgressBar? ForTerminal(string label) => Console.IsErrorRedirected ? null : new CliProgressBar(label);

    public void Report(ArchiveProgress value)
    {
        var percent = value.Total == 0 ? 100 : (int)(100L * value.Done / value.Total);
        if (percent == _lastPercent)
        {
            return;
        }

        _lastPercent = percent;
        var filled = percent * Width / 100;
        Console.Error.Write($"\r{label} [{new string('#', filled)}{new string(' ', Width - filled)}] {percent,3}% {value.Done}/{value.Total}");
        if (value.Done >= value.Total)
        {
            Console.Error.WriteLine();
        }
    }
}
