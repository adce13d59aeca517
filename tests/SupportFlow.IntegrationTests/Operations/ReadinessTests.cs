using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SupportFlow.Data;
using SupportFlow.IntegrationTests.Infrastructure;
using SupportFlow.IntegrationTests.Tickets;

namespace SupportFlow.IntegrationTests.Operations;

/// <summary>
/// <c>/readyz</c> tells a load balancer whether a node may take traffic: its database answers and
/// has every migration the node knows. <c>/healthz</c> only says the process serves requests.
/// </summary>
public sealed class ReadinessTests
{
    [Fact]
    public async Task AMigratedNodeIsReady()
    {
        using var app = new SupportFlowApp();
        using var client = app.CreateClient();

        var ready = await (await client.GetAsync("/readyz")).Json(HttpStatusCode.OK);

        Assert.Equal("ready", ready.Str("status"));
        Assert.Empty(ready["pendingMigrations"]!.AsArray());
    }

    [Fact]
    public async Task ANodeWhoseDatabaseLacksAMigrationIsNotReadyButStillHealthy()
    {
        using var app = new SupportFlowApp();
        using var client = app.CreateClient();
        string last;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // As if the database had been restored from before the newest migration.
            var db = scope.ServiceProvider.GetRequiredService<SupportFlowDbContext>();
            last = db.Database.GetMigrations().Last();
            await db.Database.ExecuteSqlAsync($"""DELETE FROM "__EFMigrationsHistory" WHERE "MigrationId" = {last}""");
        }

        var ready = await (await client.GetAsync("/readyz")).Json(HttpStatusCode.ServiceUnavailable);

        Assert.Equal("migrations pending", ready.Str("status"));
        Assert.Equal([last], ready["pendingMigrations"]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }
}
