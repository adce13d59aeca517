using System.Text.Json;
using System.Text.RegularExpressions;

namespace SupportFlow.Common;

/// <summary>The names enums have on the wire (camelCase, priorities as P1..P4), and their parsing.</summary>
public static partial class WireNames
{
    public static string Of(Enum value)
    {
        var name = value.ToString();
        return value is Tickets.Priority ? name : JsonNamingPolicy.CamelCase.ConvertName(name);
    }

    /// <summary>
    /// Parses one wire name, ignoring case. Only a plain name is accepted: numbers ("5", "+1")
    /// and comma lists ("P1,P2", which Enum.TryParse would combine into P3) are refused.
    /// </summary>
    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        value = default;
        var name = text?.Trim();
        return name is not null
            && PlainName().IsMatch(name)
            && Enum.TryParse(name, ignoreCase: true, out value)
            && Enum.IsDefined(value);
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]*$")]
    private static partial Regex PlainName();

    public static string All<T>() where T : struct, Enum => string.Join(", ", Enum.GetValues<T>().Select(v => Of(v)));
}
