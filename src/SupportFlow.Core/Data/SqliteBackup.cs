using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace SupportFlow.Data;

/// <summary>
/// A consistent copy of the SQLite database while the server runs, through SQLite's online backup
/// API: the copy is one snapshot (taken in a single step inside one read transaction; in WAL mode
/// writers go on meanwhile), whatever is still in the WAL included.
/// </summary>
public static class SqliteBackup
{
    /// <summary>Refuses PostgreSQL with the commands to use instead.</summary>
    public static void EnsureSqlite(DbContext db, string attachments)
    {
        if (db.Database.IsSqlite())
        {
            return;
        }

        var pg = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
        var target = $"host={pg.Host} port={pg.Port} dbname={pg.Database} user={pg.Username}";
        // The commands are the message: a named key, as the text spans lines.
        throw new Common.DomainException("Backup:usePostgresTools", target, attachments);
    }

    /// <summary>Copies the context's database into a new file.</summary>
    public static void CopyTo(DbContext db, string file)
    {
        using var source = new SqliteConnection(db.Database.GetConnectionString());
        using var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
        source.Open();
        source.BackupDatabase(target);
    }

    /// <summary>Replaces the context's database with the copy in <paramref name="file"/>, page by page under SQLite's locks.</summary>
    public static void RestoreFrom(DbContext db, string file)
    {
        using var source = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false,
        }.ToString());
        using var target = new SqliteConnection(new SqliteConnectionStringBuilder(db.Database.GetConnectionString()) { Pooling = false }.ToString());
        source.Open();
        target.Open();
        source.BackupDatabase(target);
    }

    /// <summary>Whether the file passes SQLite's own integrity check.</summary>
    public static string IntegrityCheck(string file)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false,
        }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return command.ExecuteScalar() as string ?? "";
    }

    /// <summary>The database file the context uses.</summary>
    public static string FileOf(DbContext db) =>
        Path.GetFullPath(new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource);

    /// <summary>
    /// The ids of other processes that hold <paramref name="file"/> (or its WAL) open, read from
    /// /proc on Linux; empty elsewhere, where the README's "stop the server first" is all there is.
    /// </summary>
    public static IReadOnlyList<int> ProcessesUsing(string file)
    {
        var names = new HashSet<string>([file, file + "-wal", file + "-shm"], StringComparer.Ordinal);
        var users = new List<int>();
        if (!Directory.Exists("/proc/self/fd"))
        {
            return users;
        }

        foreach (var process in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(process), out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }

            try
            {
                if (Directory.EnumerateFileSystemEntries(Path.Combine(process, "fd"))
                    .Any(fd => new FileInfo(fd).LinkTarget is { } target && names.Contains(target)))
                {
                    users.Add(pid);
                }
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                // A process of another user, or one that just ended.
            }
        }

        return users;
    }
}
