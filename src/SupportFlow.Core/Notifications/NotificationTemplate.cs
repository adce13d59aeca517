namespace SupportFlow.Notifications;

/// <summary>An admin's wording for one event in one language; events without one use <see cref="BuiltInTemplates"/>.</summary>
public sealed class NotificationTemplate
{
    private NotificationTemplate()
    {
    }

    public NotificationTemplate(NotificationEvent @event, string language, string subject, string body)
    {
        Event = @event;
        Language = language;
        Subject = subject;
        Body = body;
    }

    public NotificationEvent Event { get; private set; }

    public string Language { get; private set; } = "";

    public string Subject { get; set; } = "";

    public string Body { get; set; } = "";
}

/// <summary>A subject and body with <c>{placeholders}</c>.</summary>
public sealed record TemplateText(string Subject, string Body);
