using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;

namespace SupportFlow.Testing;

/// <summary>
/// Records every log entry at Error or above that carries an exception (an unhandled request
/// error from the exception handler middleware or ProblemExceptionHandler, a Kestrel or hosting
/// failure, a background job that threw), so the app under test can fail the test when it is
/// disposed: a 500 the test did not look at still fails the test that caused it. A test that
/// provokes such a failure on purpose names it with <see cref="Expect"/>.
/// </summary>
public sealed class LoggedFailures : ILoggerProvider
{
    private readonly ConcurrentQueue<Entry> _entries = new();
    private readonly ConcurrentBag<string> _expected = [];
    private bool _reported;

    public sealed record Entry(string Category, LogLevel Level, string Message, Exception Exception)
    {
        public bool Matches(string part) =>
            Category.Contains(part, StringComparison.Ordinal) || Message.Contains(part, StringComparison.Ordinal)
            || Exception.ToString().Contains(part, StringComparison.Ordinal);

        public override string ToString() => $"[{Level}] {Category}: {Message}{Environment.NewLine}{Exception}";
    }

    /// <summary>Failures logged so far.</summary>
    public IReadOnlyCollection<Entry> Entries => _entries;

    /// <summary>Tolerates failures whose category, message or exception contains <paramref name="part"/>.</summary>
    public void Expect(string part) => _expected.Add(part);

    /// <summary>Throws when a failure was logged that no <see cref="Expect"/> call allows (once).</summary>
    public void ThrowIfUnexpected()
    {
        var unexpected = _entries.Where(e => !_expected.Any(e.Matches)).ToList();
        if (unexpected.Count == 0 || _reported)
        {
            return;
        }

        _reported = true;
        var text = new StringBuilder($"The server logged {unexpected.Count} unexpected failure(s):");
        foreach (var entry in unexpected)
        {
            text.AppendLine().AppendLine().Append(entry);
        }

        throw new InvalidOperationException(text.ToString());
    }

    public ILogger CreateLogger(string categoryName) => new Recorder(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Recorder(LoggedFailures failures, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel) && exception is not null)
            {
                failures._entries.Enqueue(new Entry(category, logLevel, formatter(state, exception), exception));
            }
        }
    }
}
