using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SupportFlow.Common;

namespace SupportFlow.Data;

/// <summary>
/// Everything that differs between database providers, in one place: which provider and
/// migrations assembly, connection setup, and type mappings. PostgreSQL joins here.
/// </summary>
public static class DatabaseProviders
{
    public const string Sqlite = "sqlite";

    public static void Configure(DbContextOptionsBuilder options, SupportFlowOptions settings, string? connectionString)
    {
        switch (settings.Database.Provider.ToLowerInvariant())
        {
            case Sqlite:
                options.UseSqlite(
                    string.IsNullOrWhiteSpace(connectionString) ? SqliteConnectionString(settings) : connectionString,
                    sqlite => sqlite.MigrationsAssembly("SupportFlow.Migrations.Sqlite"));
                options.AddInterceptors(SqliteDurability.Instance);
                break;
            default:
                throw new InvalidOperationException(
                    $"SupportFlow:Database:Provider '{settings.Database.Provider}' is not supported; use '{Sqlite}'.");
        }
    }

    public static string SqliteConnectionString(SupportFlowOptions settings)
    {
        Directory.CreateDirectory(settings.DataPath);
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(settings.DataPath, "supportflow.db"),
            ForeignKeys = true,
            DefaultTimeout = 60,
        }.ToString();
    }

    internal static void ConfigureConventions(DatabaseFacade database, ModelConfigurationBuilder conventions)
    {
        if (database.IsSqlite())
        {
            // SQLite cannot compare or sort DateTimeOffset text; UTC ticks sort and compare exactly.
            conventions.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
            conventions.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
        }
    }

    /// <summary>Turns on write-ahead logging once per database file (it is persistent).</summary>
    public static async Task PrepareAsync(DbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));

    /// <summary>
    /// WAL with synchronous=FULL: a commit is on disk before the API acknowledges it, so an
    /// accepted ticket survives a crash of the process or the machine.
    /// </summary>
    private sealed class SqliteDurability : DbConnectionInterceptor
    {
        public static readonly SqliteDurability Instance = new();

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) =>
            Pragma(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
            CancellationToken cancellationToken = default)
        {
            Pragma(connection);
            return Task.CompletedTask;
        }

        private static void Pragma(DbConnection connection)
        {
            using var command = connection.CreateCommand();
            // busy_timeout: SQLite's own handler waits in small steps for the single writer lock,
            // instead of the client library's coarse 150 ms sleeps between retries.
            command.CommandText = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000;";
            command.ExecuteNonQuery();
        }
    }
}
