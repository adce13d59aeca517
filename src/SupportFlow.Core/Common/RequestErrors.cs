using System.Globalization;
using System.Text.RegularExpressions;
using SupportFlow.Localization;

namespace SupportFlow.Common;

/// <summary>
/// Collects per-field messages while a request is checked, so the caller hears about every bad
/// field at once. The API turns a failed check into 400 with RFC 9457 problem details; the
/// web UI shows the same messages next to its fields.
/// </summary>
public sealed partial class RequestErrors
{
    private readonly Dictionary<string, List<LocalizedMessage>> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    /// <summary>The messages in English, as logs and the CLI show them.</summary>
    public IDictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(e => e.Key, e => e.Value.Select(m => m.ToString()).ToArray(), StringComparer.Ordinal);

    /// <summary>A message of the catalogue: <c>errors.Add("team", "Unknown team '{0}'.", name)</c>.</summary>
    public void Add(string field, string key, params object?[] args) => Add(field, new LocalizedMessage(key, args));

    public void Add(string field, LocalizedMessage message)
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
            throw new RequestValidationException(_errors.ToDictionary(e => e.Key, e => (IReadOnlyList<LocalizedMessage>)e.Value));
        }
    }

    public string Required(string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "{0} is required.", field);
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
            Add(field, "{0} cannot contain '/': it is used in URLs such as /api/{0}s/<name>.", field);
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
                Add(field, "{0} is required: one of {1}.", field, WireNames.All<T>());
            }

            return null;
        }

        if (WireNames.TryParse<T>(value, out var parsed))
        {
            return parsed;
        }

        Add(field, "'{0}' is not a valid {1}: use one of {2}.", Shorten(value), field, WireNames.All<T>());
        return null;
    }

    /// <summary>An ISO 8601 time that names its offset (2026-05-20T14:30+08:00), returned in UTC.</summary>
    public DateTimeOffset? Time(string field, string? value, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                Add(field, "{0} is required: an ISO 8601 time with offset, e.g. 2026-05-20T14:30+08:00.", field);
            }

            return null;
        }

        if (!HasOffset(value) || !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            Add(field, "'{0}' is not an ISO 8601 time with offset, e.g. 2026-05-20T14:30+08:00.", Shorten(value));
            return null;
        }

        return time.ToUniversalTime();
    }

    /// <summary>
    /// One end of a period (<c>from</c>, <c>to</c>), returned in UTC: an ISO 8601 time with offset, or
    /// a plain date YYYY-MM-DD, a day in the organisation's zone, which as <see cref="PeriodEnd.From"/>
    /// is the start of that day and as <see cref="PeriodEnd.To"/> the end of it, i.e. the start of the
    /// next day. Periods are compared as [from, to), so "to 2026-11-07" includes all of that day.
    /// </summary>
    public DateTimeOffset? PeriodBound(string field, string? value, OrganizationTime org, PeriodEnd end)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return InPeriodYears(field, date.Year) ? org.StartOfDay(end == PeriodEnd.To ? date.AddDays(1) : date) : null;
        }

        if (HasOffset(value) && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return InPeriodYears(field, time.Year) ? time.ToUniversalTime() : null;
        }

        Add(field, "'{0}' is neither a date (YYYY-MM-DD, a day in the organisation's time zone) nor an ISO 8601 time with offset: e.g. 2026-05-01 or 2026-05-01T09:00+08:00.",
            Shorten(value));
        return null;
    }

    /// <summary>
    /// A yes/no switch from a form or query: true, 1 and on (what an HTML checkbox sends) mean
    /// true; false, 0, off or nothing mean false; anything else is refused rather than read as
    /// false, so a misspelt dryRun never does the real thing.
    /// </summary>
    public bool Flag(string field, string? value)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case null or "" or "false" or "0" or "off":
                return false;
            case "true" or "1" or "on":
                return true;
            default:
                Add(field, "'{0}' is not a valid {1}: use true or false (on and 1 also mean true).", Shorten(value), field);
                return false;
        }
    }

    private bool InPeriodYears(string field, int year)
    {
        if (year is >= Limits.FirstYear and <= Limits.LastYear)
        {
            return true;
        }

        Add(field, "{0} must be in the years {1} to {2}.", field, Limits.FirstYear, Limits.LastYear);
        return false;
    }

    public int? Range(string field, int? value, int min, int max)
    {
        if (value is { } v && (v < min || v > max))
        {
            Add(field, "{0} must be from {1} to {2}.", field, min, max);
            return null;
        }

        return value;
    }

    private string? Text(string field, string value, int maxLength)
    {
        var trimmed = value.Trim();
        if (trimmed.Length > maxLength)
        {
            Add(field, "{0} is too long: at most {1} characters (got {2}).", field, maxLength, trimmed.Length);
            return null;
        }

        if (trimmed.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            Add(field, "{0} contains control characters.", field);
            return null;
        }

        return trimmed;
    }

    private static bool HasOffset(string value) => IsoTimeWithOffset().IsMatch(value.Trim());

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:?\d{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex IsoTimeWithOffset();

    /// <summary>A value quoted back in a message, cut to 40 characters.</summary>
    public static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}

/// <summary>Which end of a period a bound is; a date means the start of its day for <see cref="From"/>, the end for <see cref="To"/>.</summary>
public enum PeriodEnd
{
    From,
    To,
}

/// <summary>Input that failed its checks; carries the per-field messages.</summary>
public sealed class RequestValidationException(IReadOnlyDictionary<string, IReadOnlyList<LocalizedMessage>> messages)
    : LocalizedException(new LocalizedMessage("One or more fields are invalid."))
{
    /// <summary>One field's message: <c>new RequestValidationException("team", "Unknown team '{0}'.", name)</c>.</summary>
    public RequestValidationException(string field, string key, params object?[] args)
        : this(field, new LocalizedMessage(key, args))
    {
    }

    public RequestValidationException(string field, LocalizedMessage message)
        : this(new Dictionary<string, IReadOnlyList<LocalizedMessage>> { [field] = [message] })
    {
    }

    public IReadOnlyDictionary<string, IReadOnlyList<LocalizedMessage>> Messages { get; } = messages;

    /// <summary>The messages in the current request's language.</summary>
    public IDictionary<string, string[]> Errors =>
        Messages.ToDictionary(e => e.Key, e => e.Value.Select(m => m.Localized).ToArray(), StringComparer.Ordinal);
}
