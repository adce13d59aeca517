using SupportFlow.Localization;

namespace SupportFlow.Common;

/// <summary>
/// An error whose message is a catalogue key and arguments (<see cref="LocalizedMessage"/>), so the
/// API and the pages tell it in the caller's language; <see cref="Exception.Message"/> is English, for logs.
/// </summary>
public abstract class LocalizedException(LocalizedMessage text) : Exception(text.ToString())
{
    public LocalizedMessage Text { get; } = text;
}

/// <summary>A business rule refused the request. The API answers 409 Conflict.</summary>
public class DomainException(LocalizedMessage text) : LocalizedException(text)
{
    public DomainException(string key, params object?[] args)
        : this(new LocalizedMessage(key, args))
    {
    }
}

/// <summary>The thing asked for does not exist, or the caller may not know it exists. 404.</summary>
public sealed class NotFoundException(string key, params object?[] args) : LocalizedException(new LocalizedMessage(key, args));

/// <summary>The caller is known but their role may not do this. 403.</summary>
public sealed class ForbiddenException(string key, params object?[] args) : LocalizedException(new LocalizedMessage(key, args));
