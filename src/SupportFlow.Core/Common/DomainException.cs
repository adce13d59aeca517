namespace SupportFlow.Common;

/// <summary>A business rule refused the request. The API answers 409 Conflict.</summary>
public class DomainException(string message) : Exception(message);

/// <summary>The thing asked for does not exist, or the caller may not know it exists. 404.</summary>
public sealed class NotFoundException(string message) : Exception(message);

/// <summary>The caller is known but their role may not do this. 403.</summary>
public sealed class ForbiddenException(string message) : Exception(message);
