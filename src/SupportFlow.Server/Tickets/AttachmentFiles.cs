using System.Text;

namespace SupportFlow.Server.Tickets;

/// <summary>
/// What may be attached and how it is named. The content type comes from the file's extension
/// (never from the client) and the first bytes must agree with it, so a script renamed to
/// .png is refused.
/// </summary>
public static class AttachmentFiles
{
    private sealed record Kind(string ContentType, Func<byte[], int, bool> Matches);

    private static readonly Kind Text = new("text/plain; charset=utf-8", (b, n) => !b.AsSpan(0, n).Contains((byte)0));
    private static readonly Kind Zip = new("application/zip", (b, n) => Starts(b, n, "PK\u0003\u0004"u8) || Starts(b, n, "PK\u0005\u0006"u8));
    private static readonly Kind Ole = new("application/octet-stream", (b, n) => Starts(b, n, [0xD0, 0xCF, 0x11, 0xE0]));

    private static readonly Dictionary<string, Kind> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        [".png"] = new("image/png", (b, n) => Starts(b, n, [0x89, 0x50, 0x4E, 0x47])),
        [".jpg"] = new("image/jpeg", (b, n) => Starts(b, n, [0xFF, 0xD8, 0xFF])),
        [".jpeg"] = new("image/jpeg", (b, n) => Starts(b, n, [0xFF, 0xD8, 0xFF])),
        [".gif"] = new("image/gif", (b, n) => Starts(b, n, "GIF8"u8)),
        [".webp"] = new("image/webp", (b, n) => Starts(b, n, "RIFF"u8) && n >= 12 && b.AsSpan(8, 4).SequenceEqual("WEBP"u8)),
        [".bmp"] = new("image/bmp", (b, n) => Starts(b, n, "BM"u8)),
        [".pdf"] = new("application/pdf", (b, n) => Starts(b, n, "%PDF"u8)),
        [".txt"] = Text,
        [".log"] = Text,
        [".csv"] = Text with { ContentType = "text/csv; charset=utf-8" },
        [".json"] = Text with { ContentType = "application/json" },
        [".xml"] = Text with { ContentType = "application/xml" },
        [".eml"] = Text with { ContentType = "message/rfc822" },
        [".zip"] = Zip,
        [".docx"] = Zip with { ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        [".xlsx"] = Zip with { ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        [".pptx"] = Zip with { ContentType = "application/vnd.openxmlformats-officedocument.presentationml.presentation" },
        [".doc"] = Ole with { ContentType = "application/msword" },
        [".xls"] = Ole with { ContentType = "application/vnd.ms-excel" },
        [".gz"] = new("application/gzip", (b, n) => Starts(b, n, [0x1F, 0x8B])),
        [".7z"] = new("application/x-7z-compressed", (b, n) => Starts(b, n, [0x37, 0x7A, 0xBC, 0xAF])),
    };

    public static string Allowed => string.Join(", ", Kinds.Keys.Order(StringComparer.Ordinal));

    /// <summary>The content type for a name, or null when that kind of file is not accepted.</summary>
    public static string? ContentTypeOf(string fileName) =>
        Kinds.TryGetValue(Path.GetExtension(fileName), out var kind) ? kind.ContentType : null;

    /// <summary>Whether the file's first bytes are what its extension claims.</summary>
    public static bool ContentMatches(string fileName, byte[] head, int length) =>
        Kinds.TryGetValue(Path.GetExtension(fileName), out var kind) && kind.Matches(head, length);

    /// <summary>
    /// A name safe to show and to offer on download: no path, no control or reserved characters,
    /// no leading dots, at most 200 characters with the extension kept. Chinese names stay as they are.
    /// </summary>
    public static string SanitizeName(string? name)
    {
        var last = (name ?? "").Replace('\\', '/').Split('/').Last();
        var clean = new StringBuilder(last.Length);
        foreach (var c in last.Normalize(NormalizationForm.FormC))
        {
            clean.Append(char.IsControl(c) || "<>:\"|?*".Contains(c) ? '_' : c);
        }

        var result = clean.ToString().Trim().TrimStart('.').Trim();
        if (result.Length > 200)
        {
            var extension = Path.GetExtension(result);
            extension = extension.Length > 20 ? "" : extension;
            result = result[..(200 - extension.Length)] + extension;
        }

        return result.Length == 0 ? "attachment" : result;
    }

    private static bool Starts(byte[] bytes, int length, ReadOnlySpan<byte> magic) =>
        length >= magic.Length && bytes.AsSpan(0, magic.Length).SequenceEqual(magic);
}
