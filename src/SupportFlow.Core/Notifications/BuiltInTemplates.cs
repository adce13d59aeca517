using SupportFlow.Common;
using SupportFlow.Localization;

namespace SupportFlow.Notifications;

/// <summary>
/// The wording used until an admin changes it (PUT /api/notifications/templates/{event}/{language}):
/// the text catalogue's <c>Template:{event}:subject</c> and <c>:body</c>, with named placeholders
/// (<see cref="TemplateRendering.Placeholders"/>) an admin can move around.
/// </summary>
public static class BuiltInTemplates
{
    public static TemplateText For(NotificationEvent @event, string language)
    {
        var culture = Languages.Culture(language);
        var key = Key(@event);
        return new(Texts.Get(key + ":subject", culture), Texts.Get(key + ":body", culture));
    }

    /// <summary>The catalogue key of an event's template, without its <c>:subject</c> / <c>:body</c> part.</summary>
    public static string Key(NotificationEvent @event) => "Template:" + WireNames.Of(@event);
}
