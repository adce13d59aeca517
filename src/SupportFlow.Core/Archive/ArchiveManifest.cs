namespace SupportFlow.Archive;

/// <summary>One file of a month's archive: its path relative to the month's folder, size and SHA-256 (hex, lower case).</summary>
public sealed record ArchiveFile(string Path, long Bytes, string Sha256);

/// <summary>
/// <c>manifest.json</c> of <c>archive/YYYY-MM/</c>: what the archive holds and a checksum of every
/// other file in it, so <c>archive verify</c> can tell an intact archive from a changed one.
/// </summary>
public sealed record ArchiveManifest(
    string Month,
    DateTimeOffset GeneratedAt,
    string TimeZone,
    int Tickets,
    int HistoryLines,
    int Attachments,
    IReadOnlyList<ArchiveFile> Files)
{
    public const string FileName = "manifest.json";

    /// <summary>What differs between the manifest and the files found: one message per file, empty when they agree.</summary>
    public IReadOnlyList<string> Differences(IReadOnlyList<ArchiveFile> found)
    {
        var problems = new List<string>();
        var actual = found.ToDictionary(f => f.Path, StringComparer.Ordinal);
        foreach (var file in Files)
        {
            if (!actual.TryGetValue(file.Path, out var real))
            {
                problems.Add($"{file.Path}: missing");
            }
            else if (real.Bytes != file.Bytes || !string.Equals(real.Sha256, file.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"{file.Path}: changed (SHA-256 {real.Sha256}, manifest says {file.Sha256})");
            }
        }

        var listed = Files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(found.Where(f => !listed.Contains(f.Path)).Select(f => $"{f.Path}: not in the manifest"));
        return problems;
    }
}
