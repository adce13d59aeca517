using System.CommandLine;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Server.Cli;
using SupportFlow.Server.Tickets;

namespace SupportFlow.Server.Backups;

/// <summary>The description written beside a backup.</summary>
public sealed record BackupInfo(DateTimeOffset TakenAt, string Database, string DatabaseSha256, int AttachmentFiles);

/// <summary>
/// <c>backup --to FOLDER</c>: the SQLite database (online backup API, consistent while the server
/// runs) and then the attachments; <c>restore --from FOLDER [--force]</c> brings both back. The
/// attachments are copied after the database snapshot, and a file is always written before its
/// row is committed, so every attachment row in the copy has its file. Restore refuses a database
/// that any running process has open (a server, another CLI): its connections would go on with
/// pages changed under them. On PostgreSQL both print the pg_dump / pg_restore commands instead.
/// </summary>
public static class BackupCommands
{
    private const string DatabaseFile = "supportflow.db";
    private const string InfoFile = "backup.json";
    private const string AttachmentsFolder = "attachments";

    public static Command Backup()
    {
        var to = new Option<string>("--to") { Description = "An empty or new folder to write the backup into.", Required = true };
        var backup = new Command("backup", "Copy the database and attachments into a folder while the server runs.") { to };
        backup.TreatUnmatchedTokensAsErrors = false;
        backup.SetAction((result, ct) => CliCommands.WithServices(result, async (services, token) =>
        {
            var folder = Path.GetFullPath(result.GetValue(to)!);
            if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
            {
                throw new DomainException("{0} is not empty: a backup goes into an empty or new folder.", folder);
            }

            var db = services.GetRequiredService<SupportFlowDbContext>();
            var attachments = AttachmentStorage.Root(services.GetRequiredService<IOptions<SupportFlowOptions>>().Value);
            SqliteBackup.EnsureSqlite(db, attachments);
            var database = Path.Combine(folder, DatabaseFile);
            try
            {
                Directory.CreateDirectory(folder);
                File.WriteAllBytes(database, []); // fails here, before the snapshot, when the folder cannot be written
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new DomainException("Cannot write the backup into {0}: {1}", folder, e.Message);
            }

            SqliteBackup.CopyTo(db, database);
            var files = Copy(attachments, Path.Combine(folder, AttachmentsFolder), overwrite: false);
            var info = new BackupInfo(services.GetRequiredService<TimeProvider>().GetUtcNow(), DatabaseFile, Sha256(database), files);
            await File.WriteAllTextAsync(Path.Combine(folder, InfoFile), JsonSerializer.Serialize(info, Archive.ArchiveFolders.Json), token);
            Console.WriteLine($"Backed up the database and {files} attachment files to {folder}");
            return 0;
        }, ct, migrate: false));
        return backup;
    }

    public static Command Restore()
    {
        var from = new Option<string>("--from") { Description = "A folder written by backup.", Required = true };
        var force = new Option<bool>("--force") { Description = "Replace an existing database (stop the server first)." };
        var restore = new Command("restore", "Bring back a backup: the database and the attachments.") { from, force };
        restore.TreatUnmatchedTokensAsErrors = false;
        restore.SetAction((result, ct) => CliCommands.WithServices(result, async (services, token) =>
        {
            var db = services.GetRequiredService<SupportFlowDbContext>();
            var attachments = AttachmentStorage.Root(services.GetRequiredService<IOptions<SupportFlowOptions>>().Value);
            SqliteBackup.EnsureSqlite(db, attachments);
            var folder = Path.GetFullPath(result.GetValue(from)!);
            var infoPath = Path.Combine(folder, InfoFile);
            if (!File.Exists(infoPath))
            {
                throw new DomainException("{0} holds no backup ({1} is missing).", folder, InfoFile);
            }

            var info = JsonSerializer.Deserialize<BackupInfo>(await File.ReadAllTextAsync(infoPath, token), Archive.ArchiveFolders.Json)!;
            var database = Path.Combine(folder, DatabaseFile);
            if (!File.Exists(database) || Sha256(database) != info.DatabaseSha256)
            {
                throw new DomainException("{0} is missing or does not match the checksum in {1}: not restored.", database, InfoFile);
            }

            var target = SqliteBackup.FileOf(db);
            if (File.Exists(target) && !result.GetValue(force))
            {
                throw new DomainException("{0} exists: restore refuses to overwrite a database without --force (stop the server first).", target);
            }

            if (SqliteBackup.ProcessesUsing(target) is { Count: > 0 } users)
            {
                throw new DomainException("{0} is open in process {1} (a running server?): stop it, then restore.", target, string.Join(", ", users));
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            SqliteBackup.RestoreFrom(db, database);
            var files = Copy(Path.Combine(folder, AttachmentsFolder), attachments, overwrite: true);
            Console.WriteLine($"Restored the database ({info.TakenAt:u}) and {files} attachment files into {Path.GetDirectoryName(target)}");
            return 0;
        }, ct, migrate: false));
        return restore;
    }

    private static int Copy(string from, string to, bool overwrite)
    {
        if (!Directory.Exists(from))
        {
            return 0;
        }

        var count = 0;
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite);
            count++;
        }

        return count;
    }

    private static string Sha256(string file)
    {
        using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
