using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SupportFlow.Localization;

/// <summary>
/// A <see cref="LocalizedMessage"/> kept in the database as JSON (<c>{"key":…,"args":[…]}</c>), so a
/// line the system wrote (a ticket's history, a review's reason) is put into words in each reader's
/// language when it is read, not once in English when it is written. Arguments are kept as text,
/// whole numbers, or messages of their own (a word translated with the sentence).
/// </summary>
public static class StoredMessage
{
    public static string Write(LocalizedMessage message) => ToNode(message).ToJsonString();

    /// <summary>The message stored by <see cref="Write"/>; null for null or for text that is not one (never thrown on a read).</summary>
    public static LocalizedMessage? Read(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(json) is JsonObject node ? FromNode(node) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonObject ToNode(LocalizedMessage message)
    {
        var args = new JsonArray();
        foreach (var arg in message.Args)
        {
            args.Add(arg switch
            {
                null => null,
                LocalizedMessage inner => ToNode(inner),
                int or long or short or byte => JsonValue.Create(Convert.ToInt64(arg, CultureInfo.InvariantCulture)),
                IFormattable formattable => JsonValue.Create(formattable.ToString(null, CultureInfo.InvariantCulture)),
                _ => JsonValue.Create(arg.ToString()),
            });
        }

        return new JsonObject { ["key"] = message.Key, ["args"] = args };
    }

    private static LocalizedMessage? FromNode(JsonObject node)
    {
        if (node["key"] is not JsonValue key || key.GetValueKind() != JsonValueKind.String)
        {
            return null;
        }

        var args = (node["args"] as JsonArray ?? []).Select(arg => arg switch
        {
            null => null,
            JsonObject inner => FromNode(inner),
            JsonValue value when value.GetValueKind() == JsonValueKind.Number => value.GetValue<long>(),
            JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
            _ => (object?)arg.ToJsonString(),
        }).ToArray();
        return new LocalizedMessage(key.GetValue<string>(), args);
    }
}
