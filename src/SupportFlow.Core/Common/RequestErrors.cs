using System.Globalization;
using System.Text.RegularExpressions;

namespace SupportFlow.Common;

/// <summary>
/// Collects per-field messages while a request is checked, so the caller hears about every bad
/// field at once. The API turns a failed check into 400 with RFC 9457 problem details; the
/// web UI shows the same messages next to its fields.
/// </summary>
public sealed partial class RequestErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    public IDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }

        list.Add(message);
    }

    /// <summary>Throws <see cref="RequestValidationException"/> when anything was added.</summary>
    public void ThrowIfInvalid()
    {
        if (!IsValid)
        {
            throw new RequestValidationException(ToDictionary());
        }
    }

    public string Required(string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, $"{field} is required.");
            return "";
        }

        return Text(field, value, maxLength) ?? "";
    }

    /// <summary>
    /// A required name that other resources and URLs refer to. Its URL segment is escaped, so any
    /// text goes but '/': routing keeps an escaped slash as "%2F" in the route value, so such a
    /// name would not find itself again.
    /// </summary>
    public string Name(string field, string? value)
    {
        var name = Required(field, value, Limits.Name);
        if (name.Contains('/', StringComparison.Ordinal))
        {
            Add(field, $"{field} cannot contain '/': it is used in URLs such as /api/{field}s/<name>.");
        }

        return name;
    }

    public string? Optional(string field, string? value, int maxLength) =>
        string.IsNullOrWhiteSpace(value) ? null : Text(field, value, maxLength);

    public T? Enum<T>(string field, string? value, bool required = true) where T : struct, System.Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                Add(field, $"{field} is required: one of {WireNames.All<T>()}.");
            }

            return null;
        }

        if (WireNames.TryParse<T>(value, out var parsed))
        {
            return parsed;
        }

        Add(field, $"'{Shorten(value)}' is not a valid {field}: use one of {WireNames.All<T>()}.");
        return null;
    }

    /// <summary>An ISO 8601 time that names its offset (2026-05-20T14:30+08:00), returned in UTC.</summary>
    public DateTimeOffset? Time(string field, string? value, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                Add(field, $"{field} is required: an ISO 8601 time with offset, e.g. 2026-05-20T14:30+08:00.");
            }

            return null;
        }

        if (!HasOffset(value) || !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            Add(field, $"'{Shorten(value)}' is not an ISO 8601 time with offset, e.g. 2026-05-20T14:30+08:00.");
            return null;
        }

        return time.ToUniversalTime();
    }

    public int? Range(string field, int? value, int min, int max)
    {
        if (value is { } v && (v < min || v > max))
        {
            Add(field, $"{field} must be from {min} to {max}.");
            return null;
        }

        return value;
    }

    private string? Text(string field, string value, int maxLength)
    {
        var trimmed = value.Trim();
        if (trimmed.Length > maxLength)
        {
            Add(field, $"{field} is too long: at most {maxLength} characters (got {trimmed.Length}).");
            return null;
        }

        if (trimmed.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            Add(field, $"{field} contains control characters.");
            return null;
        }

        return trimmed;
    }

    private static bool HasOffset(string value) => IsoTimeWithOffset().IsMatch(value.Trim());

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:?\d{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex IsoTimeWithOffset();

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}

/// <summary>Input that failed its checks; carries the per-field messages.</summary>
public sealed class RequestValidationException(IDictionary<string, string[]> errors)
    : Exception("One or more fields are invalid.")
{
    public IDictionary<string, string[]> Errors { get; } = errors;
}
