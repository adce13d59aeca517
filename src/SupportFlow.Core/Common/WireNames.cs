using System.Text.Json;

namespace SupportFlow.Common;

/// <summary>The names enums have on the wire (camelCase, priorities as P1..P4), and their parsing.</summary>
public static class WireNames
{
    public static string Of(Enum value)
    {
        var name = value.ToString();
        return value is Tickets.Priority ? name : JsonNamingPolicy.CamelCase.ConvertName(name);
    }

    /// <summary>Parses a wire name, ignoring case; numbers are refused so that "5" is not a status.</summary>
    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text) || char.IsAsciiDigit(text.TrimStart()[0]))
        {
            return false;
        }

        return Enum.TryParse(text.Trim(), ignoreCase: true, out value) && Enum.IsDefined(value);
    }

    public static string All<T>() where T : struct, Enum => string.Join(", ", Enum.GetValues<T>().Select(v => Of(v)));
}
