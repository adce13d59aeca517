using System.Globalization;
using System.Text;

namespace SupportFlow.Server.Web;

/// <summary>
/// Builds the path of a resource from user text, one escaped segment at a time, so that a
/// <c>Location</c> header or a link stays ASCII (Kestrel refuses anything else in a header) and
/// a name with a space, '?', '#' or '%' still names the one resource it came from ('/' is refused
/// in names: routing keeps an escaped slash as "%2F" in the route value).
/// </summary>
public static class ResourceUrl
{
    /// <summary><c>For("/api/teams", "系统组")</c> is <c>/api/teams/%E7%B3%BB%E7%BB%9F%E7%BB%84</c>.</summary>
    public static string For(string root, params ReadOnlySpan<object> segments)
    {
        var path = new StringBuilder(root.TrimEnd('/'));
        foreach (var segment in segments)
        {
            path.Append('/').Append(Uri.EscapeDataString(Convert.ToString(segment, CultureInfo.InvariantCulture) ?? ""));
        }

        return path.ToString();
    }
}
