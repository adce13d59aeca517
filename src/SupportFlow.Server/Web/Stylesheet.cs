using System.Security.Cryptography;

namespace SupportFlow.Server.Web;

/// <summary>
/// The one hand-written stylesheet, embedded in the executable so the UI works wherever the
/// binary runs; its URL carries a hash of its content, so browsers may cache it for good.
/// </summary>
public static class Stylesheet
{
    private static readonly byte[] Content = Load();

    public static readonly string Version = Convert.ToHexStringLower(SHA256.HashData(Content))[..12];

    public const string Path = "/assets/app.css";

    public static string Url => $"{Path}?v={Version}";

    public static IResult Serve(HttpContext http)
    {
        http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        return TypedResults.Bytes(Content, "text/css; charset=utf-8");
    }

    private static byte[] Load()
    {
        using var stream = typeof(Stylesheet).Assembly.GetManifestResourceStream("SupportFlow.Server.Web.app.css")
            ?? throw new InvalidOperationException("The stylesheet is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
