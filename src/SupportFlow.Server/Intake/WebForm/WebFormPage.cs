using System.Text;
using System.Text.Encodings.Web;

namespace SupportFlow.Server.Intake.WebForm;

/// <summary>The public report form and its answer pages: plain server-rendered HTML, no script, in Chinese or English.</summary>
public static class WebFormPage
{
    public sealed record Values(string? Name, string? Email, string? Phone, string? Company, string? Module, string? Title,
        string? Description, string? Impact);

    public static string Form(bool chinese, IReadOnlyList<string> modules, Values values, IDictionary<string, string[]>? errors)
    {
        var t = Texts(chinese);
        var html = new StringBuilder();
        html.Append(Head(t["heading"], chinese)).Append("<h1>").Append(E(t["heading"])).Append("</h1>")
            .Append("<p>").Append(E(t["intro"])).Append("</p>");
        if (errors is { Count: > 0 })
        {
            html.Append("<p class=\"error\" role=\"alert\">").Append(E(t["fix"])).Append("</p>");
        }

        html.Append("<form method=\"post\" action=\"/forms/report\">");
        Field(html, t, errors, "name", "text", values.Name, required: true);
        Field(html, t, errors, "email", "email", values.Email, required: true);
        Field(html, t, errors, "phone", "tel", values.Phone, required: false);
        Field(html, t, errors, "company", "text", values.Company, required: false);
        html.Append("<label for=\"module\">").Append(E(t["module"])).Append("</label><select id=\"module\" name=\"module\" required>")
            .Append("<option value=\"\"></option>");
        foreach (var module in modules)
        {
            html.Append("<option").Append(module == values.Module ? " selected" : "").Append('>').Append(E(module)).Append("</option>");
        }

        html.Append("</select>").Append(Errors(errors, "module"));
        Field(html, t, errors, "title", "text", values.Title, required: true);
        Area(html, t, errors, "description", values.Description, required: true);
        Area(html, t, errors, "impact", values.Impact, required: false);
        // The honeypot: hidden from people, filled in by bots.
        html.Append("<div class=\"hp\" aria-hidden=\"true\"><label for=\"website\">Website</label>")
            .Append("<input id=\"website\" name=\"website\" type=\"text\" tabindex=\"-1\" autocomplete=\"off\"></div>")
            .Append("<button type=\"submit\">").Append(E(t["send"])).Append("</button></form></body></html>");
        return html.ToString();
    }

    public static string Received(bool chinese, string? number, string email)
    {
        var t = Texts(chinese);
        var text = number is null ? t["thanks"] : string.Format(System.Globalization.CultureInfo.InvariantCulture, t["received"], number, email);
        return $"{Head(t["heading"], chinese)}<h1>{E(t["heading"])}</h1><p class=\"received\">{E(text)}</p></body></html>";
    }

    public static string TooMany(bool chinese) =>
        $"{Head(Texts(chinese)["heading"], chinese)}<p class=\"error\">{E(Texts(chinese)["tooMany"])}</p></body></html>";

    private static void Field(StringBuilder html, Dictionary<string, string> t, IDictionary<string, string[]>? errors, string name,
        string type, string? value, bool required) =>
        html.Append("<label for=\"").Append(name).Append("\">").Append(E(t[name])).Append("</label>")
            .Append("<input id=\"").Append(name).Append("\" name=\"").Append(name).Append("\" type=\"").Append(type).Append('"').Append(required ? " required" : "")
            .Append(" value=\"").Append(E(value ?? "")).Append("\">").Append(Errors(errors, name));

    private static void Area(StringBuilder html, Dictionary<string, string> t, IDictionary<string, string[]>? errors, string name,
        string? value, bool required) =>
        html.Append("<label for=\"").Append(name).Append("\">").Append(E(t[name])).Append("</label>")
            .Append("<textarea id=\"").Append(name).Append("\" name=\"").Append(name).Append("\" rows=\"6\"").Append(required ? " required" : "").Append('>')
            .Append(E(value ?? "")).Append("</textarea>").Append(Errors(errors, name));

    private static string Errors(IDictionary<string, string[]>? errors, string field) =>
        errors is not null && errors.TryGetValue(field, out var messages)
            ? string.Concat(messages.Select(m => $"<span class=\"field-error\" data-field=\"{field}\">{E(m)}</span>"))
            : "";

    private static string Head(string title, bool chinese) => $$"""
        <!DOCTYPE html><html lang="{{(chinese ? "zh-CN" : "en")}}"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1"><title>{{E(title)}}</title>
        <style>{{Style}}</style></head><body>
        """;

    /// <summary>The page's only style, inline so the page stands alone in another site's frame; allowed by its hash.</summary>
    private const string Style = "body{font-family:sans-serif;max-width:40rem;margin:1rem auto;padding:0 1rem}label{display:block;margin-top:.8rem}"
                                 + "input,select,textarea{width:100%;box-sizing:border-box}.hp{position:absolute;left:-10000px}"
                                 + ".error,.field-error{color:#b00020;display:block}button{margin-top:1rem}";

    /// <summary>The CSP source that allows <see cref="Style"/> and no other inline style.</summary>
    public static readonly string StyleSource =
        $"'sha256-{Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(Style)))}'";

    /// <summary>Chinese stays readable in the page source; markup characters are escaped.</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    private static string E(string text) => Encoder.Encode(text);

    private static Dictionary<string, string> Texts(bool chinese) => chinese
        ? new()
        {
            ["heading"] = "报告问题", ["intro"] = "请描述遇到的问题，我们会通过邮件告诉您工单号。", ["fix"] = "请修改标出的内容。",
            ["name"] = "姓名", ["email"] = "电子邮箱", ["phone"] = "电话（可选）", ["company"] = "单位/部门（可选）", ["module"] = "相关系统或设备",
            ["title"] = "问题标题", ["description"] = "问题描述", ["impact"] = "影响范围（可选）", ["send"] = "提交",
            ["received"] = "已受理，工单号 {0}。我们已将工单号发送到 {1}。", ["thanks"] = "谢谢，已收到。",
            ["tooMany"] = "提交过于频繁，请稍后再试。",
        }
        : new()
        {
            ["heading"] = "Report a problem", ["intro"] = "Describe the problem; we will mail you the ticket number.",
            ["fix"] = "Please correct the marked fields.", ["name"] = "Name", ["email"] = "E-mail", ["phone"] = "Phone (optional)",
            ["company"] = "Company / department (optional)", ["module"] = "System or device concerned", ["title"] = "Title",
            ["description"] = "Description", ["impact"] = "Who or what is affected (optional)", ["send"] = "Send",
            ["received"] = "Received: ticket {0}. We have mailed its number to {1}.", ["thanks"] = "Thank you, received.",
            ["tooMany"] = "Too many reports from your address; please try again later.",
        };
}
