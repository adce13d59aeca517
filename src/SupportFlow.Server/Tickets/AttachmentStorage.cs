using SupportFlow.Localization;
using System.Globalization;
using System.Security.Cryptography;
using SupportFlow.Common;

namespace SupportFlow.Server.Tickets;

/// <summary>
/// Checks a file against the attachment rules (size limit, accepted kind, content matching its
/// extension) and writes it under the data folder with a generated name, flushed to disk before
/// the caller commits its row. Uploads and mail intake both store files through here.
/// </summary>
public static class AttachmentStorage
{
    /// <summary>How much of a file's start is compared with what its extension claims.</summary>
    private const int HeadLength = 8192;

    public static string Root(SupportFlowOptions settings) => Path.Combine(settings.DataPath, "attachments");

    /// <summary>Stores <paramref name="input"/> as <paramref name="fileName"/> (sanitised), or says why it is refused.</summary>
    public static async Task<StoredFile> StoreAsync(Stream input, string? fileName, long length, SupportFlowOptions settings,
        DateTimeOffset now, CancellationToken ct)
    {
        var name = AttachmentFiles.SanitizeName(fileName);
        if (Refusal(name, length, settings) is { } refused)
        {
            return refused;
        }

        var relative = Path.Combine(now.ToString("yyyy", CultureInfo.InvariantCulture), now.ToString("MM", CultureInfo.InvariantCulture),
            Guid.NewGuid().ToString("N") + Path.GetExtension(name).ToLowerInvariant());
        var path = Path.Combine(Root(settings), relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var (sha256, size, headMatches) = await SaveAsync(input, name, path, ct);
        if (!headMatches)
        {
            File.Delete(path);
            return NotMatching(name);
        }

        return new StoredFile(name, AttachmentFiles.ContentTypeOf(name)!, size, sha256, relative, path, null, false);
    }

    /// <summary>
    /// Applies the same rules as <see cref="StoreAsync"/> (size, accepted kind, first bytes matching the
    /// extension) without writing anything: a form checks every file before it creates what they belong to.
    /// Returns the refusal, or null when the file would be stored.
    /// </summary>
    public static async Task<StoredFile?> CheckAsync(Stream input, string? fileName, long length, SupportFlowOptions settings,
        CancellationToken ct)
    {
        var name = AttachmentFiles.SanitizeName(fileName);
        if (Refusal(name, length, settings) is { } refused)
        {
            return refused;
        }

        var head = new byte[HeadLength];
        var headLength = await input.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        return AttachmentFiles.ContentMatches(name, head, headLength) ? null : NotMatching(name);
    }

    /// <summary>What refuses a file before its content is read: empty, over the limit, or a kind not accepted.</summary>
    private static StoredFile? Refusal(string name, long length, SupportFlowOptions settings)
    {
        if (length == 0)
        {
            return StoredFile.Refused(name, new("'{0}' is empty.", name));
        }

        if (length > settings.Attachments.MaxBytes)
        {
            return StoredFile.Refused(name, new("'{0}' is {1} bytes; attachments may be at most {2} bytes.", name, length,
                settings.Attachments.MaxBytes), tooLarge: true);
        }

        return AttachmentFiles.ContentTypeOf(name) is null
            ? StoredFile.Refused(name, new("Files like '{0}' are not accepted. Accepted: {1}.", name, AttachmentFiles.Allowed))
            : null;
    }

    private static StoredFile NotMatching(string name) =>
        StoredFile.Refused(name, new("The content of '{0}' is not a {1} file.", name, Path.GetExtension(name)));

    /// <summary>Copies to disk, hashing as it goes and checking the first bytes against the extension.</summary>
    private static async Task<(string Sha256, long Size, bool HeadMatches)> SaveAsync(Stream input, string name, string path,
        CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        var head = new byte[HeadLength];
        var headLength = 0;
        long size = 0;
        await using (var output = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920,
                         FileOptions.Asynchronous))
        {
            int read;
            while ((read = await input.ReadAsync(buffer, ct)) > 0)
            {
                if (headLength < head.Length)
                {
                    var take = Math.Min(read, head.Length - headLength);
                    Array.Copy(buffer, 0, head, headLength, take);
                    headLength += take;
                }

                hash.AppendData(buffer, 0, read);
                size += read;
                await output.WriteAsync(buffer.AsMemory(0, read), ct);
            }

            await output.FlushAsync(ct);
            output.Flush(flushToDisk: true);
        }

        return (Convert.ToHexStringLower(hash.GetHashAndReset()), size, AttachmentFiles.ContentMatches(name, head, headLength));
    }
}

/// <summary>A stored file (<see cref="Refusal"/> null) or why it was not stored.</summary>
public sealed record StoredFile(string Name, string ContentType, long Size, string Sha256, string StoredAs, string FullPath,
    LocalizedMessage? Refusal, bool TooLarge)
{
    public static StoredFile Refused(string name, LocalizedMessage why, bool tooLarge = false) => new(name, "", 0, "", "", "", why, tooLarge);

    /// <summary>Removes the file again when its row could not be committed.</summary>
    public void Discard()
    {
        if (Refusal is null)
        {
            File.Delete(FullPath);
        }
    }
}
