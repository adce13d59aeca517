using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SupportFlow.Common;
using SupportFlow.Data;

namespace SupportFlow.IntegrationTests.Infrastructure;

/// <summary>
/// Which database the integration suite runs on. SQLite (a file in the test's data folder) unless
/// <c>SUPPORTFLOW_TEST_POSTGRES</c> holds a connection string to a PostgreSQL server's maintenance
/// database (scripts/test.sh starts a throwaway cluster and sets it). On PostgreSQL every data
/// folder gets its own database, cloned from a template migrated once per test run, so tests stay
/// as isolated as with one SQLite file each; a server restarted on the same folder finds its data.
/// On SQLite an in-process server's fresh folder likewise gets a copy of a file migrated once per
/// run (<see cref="PrepareSqlite"/>); the CLI and server processes still create theirs from nothing.
/// </summary>
public static class TestDatabase
{
    public const string PostgresVariable = "SUPPORTFLOW_TEST_POSTGRES";

    private static readonly string? Admin = Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : null;
    private static readonly ConcurrentDictionary<string, Lazy<string>> Databases = new(StringComparer.Ordinal);
    private static readonly Lazy<string> Template = new(CreateTemplate, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<string> SqliteTemplate = new(CreateSqliteTemplate, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly ConcurrentDictionary<string, bool> EmptySqliteFolders = new(StringComparer.Ordinal);
    private static int _created;

    public static bool OnPostgres => Admin is not null;

    public static string ProviderName => OnPostgres ? DatabaseProviders.Postgres : DatabaseProviders.Sqlite;

    /// <summary>
    /// Configuration (keys with ':') that points a server or CLI on <paramref name="dataDirectory"/> at its database.
    /// <paramref name="sqlite"/> keeps a test that is about the embedded database file on SQLite.
    /// </summary>
    public static IReadOnlyDictionary<string, string> SettingsFor(string dataDirectory, bool sqlite = false) =>
        !OnPostgres || sqlite
            ? new Dictionary<string, string>(StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["SupportFlow:Database:Provider"] = DatabaseProviders.Postgres,
                ["ConnectionStrings:SupportFlow"] = ConnectionStringFor(dataDirectory),
            };

    /// <summary>
    /// Gives <paramref name="dataDirectory"/> a database without any table (on SQLite: no file yet),
    /// for tests of migrating at start. Call before anything else uses the folder.
    /// </summary>
    public static void StartEmpty(string dataDirectory)
    {
        EmptySqliteFolders.TryAdd(Path.GetFullPath(dataDirectory), true);
        if (OnPostgres && !Databases.TryAdd(Path.GetFullPath(dataDirectory), new Lazy<string>(() => Create("template0"))))
        {
            throw new InvalidOperationException($"{dataDirectory} already has a database.");
        }
    }

    /// <summary>
    /// Before an in-process server first opens <paramref name="dataDirectory"/> on SQLite: copies in
    /// the file migrated once per run, so each test's server skips replaying every migration (a
    /// second per server, most of it fsyncs). A folder with a database, or one given to
    /// <see cref="StartEmpty"/>, is left alone.
    /// </summary>
    public static void PrepareSqlite(string dataDirectory)
    {
        var folder = Path.GetFullPath(dataDirectory);
        var file = Path.Combine(folder, "supportflow.db");
        if (OnPostgres || EmptySqliteFolders.ContainsKey(folder) || File.Exists(file))
        {
            return;
        }

        Directory.CreateDirectory(folder);
        File.Copy(SqliteTemplate.Value, file);
    }

    /// <summary>A DbContext on the database of <paramref name="dataDirectory"/>, for checks straight in the database.</summary>
    public static SupportFlowDbContext OpenContext(string dataDirectory, bool sqlite = false)
    {
        var settings = SettingsFor(dataDirectory, sqlite);
        var options = new SupportFlowOptions { DataDirectory = dataDirectory };
        if (settings.TryGetValue("SupportFlow:Database:Provider", out var provider))
        {
            options.Database.Provider = provider;
        }

        var builder = new DbContextOptionsBuilder<SupportFlowDbContext>();
        DatabaseProviders.Configure(builder, options, settings.GetValueOrDefault("ConnectionStrings:SupportFlow"));
        return new SupportFlowDbContext(builder.Options);
    }

    /// <summary>Closes idle pooled connections to the database of <paramref name="dataDirectory"/> (SQLite files stay deletable).</summary>
    public static void ReleaseConnections(string dataDirectory)
    {
        SqliteConnection.ClearAllPools();
        if (OnPostgres && Databases.TryGetValue(Path.GetFullPath(dataDirectory), out var database) && database.IsValueCreated)
        {
            using var connection = new NpgsqlConnection(database.Value);
            NpgsqlConnection.ClearPool(connection);
        }
    }

    private static string ConnectionStringFor(string dataDirectory) =>
        Databases.GetOrAdd(Path.GetFullPath(dataDirectory), _ => new Lazy<string>(() => Create(Template.Value))).Value;

    private static string Create(string template)
    {
        var name = $"sf_{Environment.ProcessId}_{Interlocked.Increment(ref _created)}";
        Execute($"""CREATE DATABASE "{name}" ENCODING 'UTF8' TEMPLATE "{template}" """);
        return On(name);
    }

    private static string CreateTemplate()
    {
        var name = $"sf_{Environment.ProcessId}_template";
        Execute($"""DROP DATABASE IF EXISTS "{name}" """);
        Execute($"""CREATE DATABASE "{name}" ENCODING 'UTF8' TEMPLATE template0""");
        var builder = new DbContextOptionsBuilder<SupportFlowDbContext>();
        DatabaseProviders.Configure(builder, new SupportFlowOptions { Database = { Provider = DatabaseProviders.Postgres } },
            new NpgsqlConnectionStringBuilder(On(name)) { Pooling = false }.ToString());
        using (var db = new SupportFlowDbContext(builder.Options))
        {
            db.Database.Migrate();
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => DropAll(name);
        return name;
    }

    private static string CreateSqliteTemplate()
    {
        var folder = Path.Combine(Path.GetTempPath(), "supportflow-tests", $"template-{Environment.ProcessId}-{Guid.NewGuid():N}");
        var options = new SupportFlowOptions { DataDirectory = folder };
        var file = new SqliteConnectionStringBuilder(DatabaseProviders.SqliteConnectionString(options)) { Pooling = false };
        var builder = new DbContextOptionsBuilder<SupportFlowDbContext>();
        DatabaseProviders.Configure(builder, options, file.ToString());
        using (var db = new SupportFlowDbContext(builder.Options))
        {
            DatabaseProviders.MigrateAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        }

        // Unpooled: the last connection closed has checkpointed the WAL into the file; copies need only the file.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Cli.CliProcess.DeleteQuietly(folder);
        return file.DataSource;
    }

    /// <summary>The cluster is thrown away after the run anyway; this keeps a developer's own server tidy.</summary>
    private static void DropAll(string template)
    {
        try
        {
            foreach (var database in Databases.Values.Where(d => d.IsValueCreated))
            {
                Execute($"""DROP DATABASE IF EXISTS "{new NpgsqlConnectionStringBuilder(database.Value).Database}" WITH (FORCE)""");
            }

            Execute($"""DROP DATABASE IF EXISTS "{template}" WITH (FORCE)""");
        }
        catch (NpgsqlException)
        {
            // The server may already be gone at process exit.
        }
    }

    private static string On(string database) =>
        new NpgsqlConnectionStringBuilder(Admin) { Database = database }.ToString();

    private static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Admin) { Pooling = false }.ToString());
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
