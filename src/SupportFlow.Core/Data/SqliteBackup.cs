using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace SupportFlow.Data;

/// <summary>
/// A consistent copy of the SQLite database while the server runs, through SQLite's online backup
/// API: the copy is one snapshot (taken in a single step under a read lock, so concurrent writers
/// wait a moment and readers not at all), whatever is in the WAL included.
/// </summary>
public static class SqliteBackup
{
    public static void EnsureSqlite(DbContext db)
    {
        if (!db.Database.IsSqlite())
        {
            throw new Common.DomainException(
                "backup and restore copy the embedded SQLite database; for PostgreSQL use pg_dump / pg_restore (see README).");
        }
    }

    /// <summary>Copies the context's database into a new file.</summary>
    public static void CopyTo(DbContext db, string file)
    {
        EnsureSqlite(db);
        using var source = new SqliteConnection(db.Database.GetConnectionString());
        using var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
        source.Open();
        source.BackupDatabase(target);
    }

    /// <summary>Replaces the context's database with the copy in <paramref name="file"/>, page by page under SQLite's locks.</summary>
    public static void RestoreFrom(DbContext db, string file)
    {
        EnsureSqlite(db);
        using var source = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false,
        }.ToString());
        using var target = new SqliteConnection(db.Database.GetConnectionString());
        source.Open();
        target.Open();
        source.BackupDatabase(target);
    }

    /// <summary>The database file the context uses.</summary>
    public static string FileOf(DbContext db) =>
        Path.GetFullPath(new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource);
}
