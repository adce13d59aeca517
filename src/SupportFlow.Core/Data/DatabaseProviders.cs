using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SupportFlow.Common;

namespace SupportFlow.Data;

/// <summary>
/// Everything that differs between database providers, in one place: which provider and
/// migrations assembly, connection setup, and type mappings.
/// </summary>
public static class DatabaseProviders
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    public static void Configure(DbContextOptionsBuilder options, SupportFlowOptions settings, string? connectionString)
    {
        switch (settings.Database.Provider.ToLowerInvariant())
        {
            case Sqlite:
                options.UseSqlite(
                    string.IsNullOrWhiteSpace(connectionString) ? SqliteConnectionString(settings) : connectionString,
                    sqlite => sqlite.MigrationsAssembly("SupportFlow.Migrations.Sqlite"));
                options.AddInterceptors(SqliteDurability.Instance, SqliteWriteGate.Instance);
                break;
            case Postgres:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException(
                        "SupportFlow:Database:Provider 'postgres' needs ConnectionStrings:SupportFlow, e.g. 'Host=db;Database=supportflow;Username=supportflow;Password=...'.");
                }

                options.UseNpgsql(connectionString, postgres => postgres.MigrationsAssembly("SupportFlow.Migrations.Postgres"));
                break;
            default:
                throw new InvalidOperationException(
                    $"SupportFlow:Database:Provider '{settings.Database.Provider}' is not supported; use '{Sqlite}' or '{Postgres}'.");
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
        else if (database.IsNpgsql())
        {
            // timestamptz holds an instant; Npgsql accepts only offset 0, so every time is written as UTC.
            conventions.Properties<DateTimeOffset>().HaveConversion<UtcConverter>();
            conventions.Properties<DateTimeOffset?>().HaveConversion<UtcConverter>();
        }
    }

    /// <summary>
    /// True when a save lost a race: the row changed since it was read (concurrency token), or
    /// another writer inserted the same unique key first (e.g. the same SLA event). PostgreSQL may
    /// report the second before the first, depending on the order of the batched commands.
    /// </summary>
    public static bool IsLostRace(DbUpdateException exception) =>
        exception is DbUpdateConcurrencyException
        || exception.InnerException is SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 }
        || exception.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation };

    /// <summary>
    /// Applies pending migrations, once even when several nodes start together. SQLite: write-ahead
    /// logging first (persistent, once per file), then EF Core's own migration lock. PostgreSQL:
    /// EF Core's lock did not stop a second node from re-running a migration the first had just
    /// applied ("relation already exists", caught by TwoNodeTests), so the nodes take turns on a
    /// session advisory lock and each reads the applied migrations only once it holds it.
    /// </summary>
    public static async Task MigrateAsync(DbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
            return;
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_lock(7265406551)", cancellationToken);
            // On a new database Npgsql's migrator reads __EFMigrationsHistory before creating it and EF logs
            // that refused query as "fail:" (npgsql/efcore.pg#3407), the first thing a new user reads.
            // The empty history table, created first under the lock, leaves that query nothing to fail on.
            await db.Database.ExecuteSqlRawAsync(db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
        }
        finally
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_unlock(7265406551)", CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }
    }

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));

    private sealed class UtcConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
        v => v.ToUniversalTime(), v => v);

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
