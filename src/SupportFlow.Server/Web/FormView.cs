using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Html;

namespace SupportFlow.Server.Web;

/// <summary>
/// Writes one form's labelled controls: each with its label, an optional hint, the value typed
/// before a failed post, and the validation messages right below it (tied with
/// aria-describedby, so screen readers read them with the field).
/// </summary>
public sealed class FormView(string name, FormState? failed)
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    public string Name { get; } = name;

    public bool HasErrors => failed is not null;

    /// <summary>
    /// The control's element id. Forms are named after the thing they edit ("team-" + a team's name),
    /// and an id may hold no space and must stay inside its attribute: letters (Chinese included),
    /// digits and '-' stay, anything else becomes _hex_ ('_' too), so every name gives a distinct, safe id.
    /// </summary>
    public string Id(string field) => $"{IdToken(Name)}-{field.Replace('.', '-')}";

    private static string IdToken(string text)
    {
        var id = new System.Text.StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (System.Text.Rune.IsLetterOrDigit(rune) || rune.Value is '-')
            {
                id.Append(rune.ToString());
            }
            else
            {
                id.Append('_').Append(rune.Value.ToString("x", System.Globalization.CultureInfo.InvariantCulture)).Append('_');
            }
        }

        return id.ToString();
    }

    /// <summary>What was typed before the failed post, else the default.</summary>
    public string Value(string field, string? fallback = null) =>
        failed is not null && failed.Values.TryGetValue(field, out var v) ? v : fallback ?? "";

    public string[] Errors(string field) => failed?.Errors.GetValueOrDefault(field) ?? [];

    /// <summary>
    /// A field's messages as the form shows them beside it: the API words them with the field's wire name
    /// ("occurredAt cannot be after ..."), a page with the label the person sees ("“Occurred” cannot be after ...").
    /// </summary>
    public string[] Errors(string field, string label) => [.. Errors(field).Select(m => Labelled(field, label, m))];

    private static string Labelled(string field, string label, string message)
    {
        // "Attachments (optional)", "When did it happen?": the name without its aside or question mark.
        var name = Regex.Replace(label, @"\s*[(（][^()（）]*[)）]\s*$", "", RegexOptions.None, TimeSpan.FromSeconds(1))
            .Trim().TrimEnd('?', '？', ':', '：', '*').Trim();
        // The API's messages start with the field's wire name; elsewhere the same word is plain English ("no department ...").
        return Regex.Replace(message, $@"^{Regex.Escape(field)}(?!\w)", _ => $"“{name}”", RegexOptions.None, TimeSpan.FromSeconds(1));
    }

    /// <summary>The message about the whole form, or messages of fields the form does not show.</summary>
    public IHtmlContent Problem(params string[] shownFields)
    {
        var messages = new List<string>();
        if (failed?.Problem is { } problem)
        {
            messages.Add(problem);
        }

        if (failed is not null)
        {
            messages.AddRange(failed.Errors.Where(e => !shownFields.Contains(e.Key)).SelectMany(e => e.Value));
        }

        return messages.Count == 0
            ? HtmlString.Empty
            : new HtmlString($"<div class=\"alert error\" role=\"alert\">{string.Join("<br>", messages.Select(m => E(m)))}</div>");
    }

    public IHtmlContent Input(string field, string label, string type = "text", bool required = false, string? hint = null,
        string? value = null, string? extra = null)
    {
        var control = $"<input id=\"{Id(field)}\" name=\"{E(field)}\" type=\"{type}\" value=\"{E(type == "password" ? "" : Value(field, value))}\"{Common(field, required, hint)}{(extra is null ? "" : " " + extra)}>";
        return Wrap(field, label, hint, control);
    }

    public IHtmlContent TextArea(string field, string label, bool required = false, string? hint = null, int rows = 4,
        string? value = null)
    {
        var control = $"<textarea id=\"{Id(field)}\" name=\"{E(field)}\" rows=\"{rows}\"{Common(field, required, hint)}>{E(Value(field, value))}</textarea>";
        return Wrap(field, label, hint, control);
    }

    public IHtmlContent Select(string field, string label, IEnumerable<(string Value, string Text)> options, bool required = false,
        string? hint = null, string? selected = null, string? empty = null)
    {
        var current = Value(field, selected);
        var items = string.Concat((empty is null ? [] : new[] { ("", empty) }).Concat(options).Select(o =>
            $"<option value=\"{E(o.Item1)}\"{(o.Item1 == current ? " selected" : "")}>{E(o.Item2)}</option>"));
        var control = $"<select id=\"{Id(field)}\" name=\"{E(field)}\"{Common(field, required, hint)}>{items}</select>";
        return Wrap(field, label, hint, control);
    }

    /// <summary>A group of radio buttons, each with a line that says what it means.</summary>
    public IHtmlContent Radios(string field, string legend, IEnumerable<(string Value, string Text, string Meaning)> options,
        string? selected = null)
    {
        var current = Value(field, selected);
        var errors = Errors(field);
        var items = string.Concat(options.Select((o, i) =>
            $"<label class=\"choice\" for=\"{Id(field)}-{i}\"><input type=\"radio\" id=\"{Id(field)}-{i}\" name=\"{E(field)}\" value=\"{E(o.Value)}\"{(o.Value == current ? " checked" : "")}>"
            + $"<span><strong>{E(o.Text)}</strong><small>{E(o.Meaning)}</small></span></label>"));
        return new HtmlString($"<fieldset class=\"field{(errors.Length > 0 ? " invalid" : "")}\"{Described(field, null)}><legend>{E(legend)}</legend><div class=\"choices\">{items}</div>{ErrorList(field, legend)}</fieldset>");
    }

    private string Common(string field, bool required, string? hint)
    {
        var invalid = Errors(field).Length > 0;
        return (required ? " required" : "") + (invalid ? " aria-invalid=\"true\"" : "") + Described(field, hint);
    }

    private string Described(string field, string? hint)
    {
        var ids = new List<string>();
        if (hint is not null)
        {
            ids.Add(Id(field) + "-hint");
        }

        if (Errors(field).Length > 0)
        {
            ids.Add(Id(field) + "-error");
        }

        return ids.Count == 0 ? "" : $" aria-describedby=\"{string.Join(' ', ids)}\"";
    }

    private HtmlString Wrap(string field, string label, string? hint, string control)
    {
        var invalid = Errors(field).Length > 0;
        var hintHtml = hint is null ? "" : $"<small class=\"hint\" id=\"{Id(field)}-hint\">{E(hint)}</small>";
        return new HtmlString($"<div class=\"field{(invalid ? " invalid" : "")}\"><label for=\"{Id(field)}\">{E(label)}</label>{control}{hintHtml}{ErrorList(field, label)}</div>");
    }

    private string ErrorList(string field, string label)
    {
        var errors = Errors(field, label);
        return errors.Length == 0
            ? ""
            : $"<p class=\"error-text\" id=\"{Id(field)}-error\" data-field=\"{E(field)}\">{string.Join("<br>", errors.Select(m => E(m)))}</p>";
    }

    private static string E(string value) => Html.Encode(value);
}
