using System.Security.Cryptography;
using System.Text.Json;
using SupportFlow.Archive;

namespace SupportFlow.Server.Archive;

/// <summary>
/// The archive folder on disk: <c>YYYY-MM/</c> per month, written beside it in a temporary
/// folder and swapped in by renames, so a crash mid-run leaves the previous archive as it was.
/// Linux cannot swap two folders in one rename, so replacing moves the old folder aside first;
/// a crash between the two renames is repaired by <see cref="Recover"/> at the next run or verify.
/// </summary>
public sealed class ArchiveFolders(string root)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string Root { get; } = root;

    public string Final(ArchiveMonth month) => Path.Combine(Root, month.ToString());

    /// <summary>A fresh hidden folder to write a month into; leftovers of crashed runs of that month are removed first.</summary>
    public string NewTemporary(ArchiveMonth month)
    {
        Recover(month);
        foreach (var stale in Directory.EnumerateDirectories(Root, $".{month}.writing-*"))
        {
            Directory.Delete(stale, recursive: true);
        }

        var folder = Path.Combine(Root, $".{month}.writing-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>Makes the written folder the month's archive; the previous one is removed only after.</summary>
    public void Replace(ArchiveMonth month, string written)
    {
        var final = Final(month);
        string? aside = null;
        if (Directory.Exists(final))
        {
            aside = Path.Combine(Root, $".{month}.replaced-{Guid.NewGuid():N}");
            Directory.Move(final, aside);
        }

        Directory.Move(written, final);
        if (aside is not null)
        {
            Directory.Delete(aside, recursive: true);
        }
    }

    /// <summary>A crash between moving the old archive aside and moving the new one in: the old one comes back.</summary>
    public void Recover(ArchiveMonth month)
    {
        Directory.CreateDirectory(Root);
        var aside = Directory.EnumerateDirectories(Root, $".{month}.replaced-*").ToList();
        if (aside.Count == 0)
        {
            return;
        }

        if (!Directory.Exists(Final(month)))
        {
            Directory.Move(aside[0], Final(month));
            aside.RemoveAt(0);
        }

        foreach (var leftover in aside)
        {
            Directory.Delete(leftover, recursive: true);
        }
    }

    /// <summary>Size and SHA-256 of every file under <paramref name="folder"/> but the manifest, by relative path with '/'.</summary>
    public static List<ArchiveFile> Checksums(string folder)
    {
        var files = new List<ArchiveFile>();
        foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(folder, path).Replace(Path.DirectorySeparatorChar, '/');
            if (relative == ArchiveManifest.FileName)
            {
                continue;
            }

            using var stream = File.OpenRead(path);
            files.Add(new ArchiveFile(relative, stream.Length, Convert.ToHexStringLower(SHA256.HashData(stream))));
        }

        return files;
    }

    /// <summary>Why the month's archive cannot be trusted (missing, no manifest, a changed byte...), empty when it verifies.</summary>
    public IReadOnlyList<string> Verify(ArchiveMonth month, out ArchiveManifest? manifest)
    {
        Recover(month);
        manifest = null;
        var folder = Final(month);
        if (!Directory.Exists(folder))
        {
            return [$"{folder}: there is no archive of {month}"];
        }

        var manifestPath = Path.Combine(folder, ArchiveManifest.FileName);
        if (!File.Exists(manifestPath))
        {
            return [$"{ArchiveManifest.FileName}: missing"];
        }

        try
        {
            manifest = JsonSerializer.Deserialize<ArchiveManifest>(File.ReadAllText(manifestPath), Json);
        }
        catch (JsonException e)
        {
            return [$"{ArchiveManifest.FileName}: unreadable ({e.Message})"];
        }

        return manifest is null ? [$"{ArchiveManifest.FileName}: empty"] : manifest.Differences(Checksums(folder));
    }
}
