using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SupportFlow.Server.Errors;

namespace SupportFlow.IntegrationTests.Infrastructure;

/// <summary>The suite's guard against unnoticed 500s: an unhandled error the server logs fails the test that caused it.</summary>
public sealed class LoggedFailuresTests
{
    [Fact]
    public async Task AnUnhandledErrorLoggedByTheServerFailsTheTestWhenTheAppIsDisposed()
    {
        var app = new SupportFlowApp();
        LogUnhandledError(app);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(async () => await app.DisposeAsync());
        Assert.Contains("Unhandled error on GET /api/tickets", failure.Message, StringComparison.Ordinal);
        Assert.Contains("database is on fire", failure.Message, StringComparison.Ordinal); // the exception, with its stack
    }

    [Fact]
    public async Task AnErrorTheTestDeclaresIsTolerated()
    {
        var app = new SupportFlowApp();
        app.ExpectLoggedFailure("database is on fire");
        LogUnhandledError(app);

        await app.DisposeAsync();
        Assert.Single(app.Failures.Entries);
    }

    /// <summary>Logs as ProblemExceptionHandler does for a 500, through the server's own logger factory.</summary>
    private static void LogUnhandledError(SupportFlowApp app) =>
        app.Services.GetRequiredService<ILogger<ProblemExceptionHandler>>()
            .LogError(new InvalidOperationException("database is on fire"), "Unhandled error on {Method} {Path}", "GET", "/api/tickets");
}
