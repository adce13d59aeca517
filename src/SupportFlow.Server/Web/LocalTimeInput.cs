using System.Globalization;
using SupportFlow.Common;

namespace SupportFlow.Server.Web;

/// <summary>
/// A browser's datetime-local field ("2026-05-20T14:30") names no offset; it means the
/// organisation's wall-clock time. It is turned into the ISO 8601 text with offset that the
/// API's validation takes, so both check times the same way.
/// </summary>
public static class LocalTimeInput
{
    public const string Format = "yyyy-MM-dd'T'HH:mm";

    public static string? ToIso(string? value, OrganizationTime org)
    {
        if (string.IsNullOrWhiteSpace(value)
            || !DateTime.TryParseExact(value.Trim(), [Format, "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture,
                DateTimeStyles.None, out var local))
        {
            return value; // left to the shared validation, which names what is wrong
        }

        var offset = org.Zone.IsInvalidTime(local) ? org.Zone.GetUtcOffset(local.AddHours(1)) : org.Zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToString("yyyy-MM-dd'T'HH:mmzzz", CultureInfo.InvariantCulture);
    }

    /// <summary>The value of a datetime-local field for a time.</summary>
    public static string Of(DateTimeOffset time, OrganizationTime org) =>
        org.Local(time).ToString(Format, CultureInfo.InvariantCulture);
}
