using System.Security.Cryptography;

namespace SupportFlow.Server.Web;

/// <summary>
/// A file the pages load (the one hand-written stylesheet, the report form's script), embedded in
/// the executable so the UI works wherever the binary runs; its URL carries a hash of its content,
/// so browsers may cache it for good. Scripts and styles live in these files, never inline: the
/// Content-Security-Policy (<see cref="SecurityHeaders"/>) allows only the server's own files.
/// </summary>
public sealed class WebAsset
{
    public static readonly WebAsset Stylesheet = new("/assets/app.css", "SupportFlow.Server.Web.app.css", "text/css; charset=utf-8");

    public static readonly WebAsset ReportScript =
        new("/assets/report.js", "SupportFlow.Server.Tickets.Pages.Report.js", "text/javascript; charset=utf-8");

    public static readonly IReadOnlyList<WebAsset> All = [Stylesheet, ReportScript];

    private readonly byte[] _content;
    private readonly string _contentType;

    private WebAsset(string path, string resource, string contentType)
    {
        Path = path;
        _contentType = contentType;
        _content = Load(resource);
        Url = $"{path}?v={Convert.ToHexStringLower(SHA256.HashData(_content))[..12]}";
    }

    public string Path { get; }

    public string Url { get; }

    public IResult Serve(HttpContext http)
    {
        http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        return TypedResults.Bytes(_content, _contentType);
    }

    private static byte[] Load(string resource)
    {
        using var stream = typeof(WebAsset).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"{resource} is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
