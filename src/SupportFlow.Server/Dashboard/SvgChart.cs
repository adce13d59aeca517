using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace SupportFlow.Server.Dashboard;

/// <summary>
/// Charts drawn on the server as inline SVG: no script, crisp at any size, readable by screen
/// readers (a title names the chart, every bar carries its number as text).
/// </summary>
public static class SvgChart
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    /// <summary>One horizontal bar per row, the value written after it.</summary>
    public static IHtmlContent Bars(string title, IReadOnlyList<(string Label, double Value, string Color)> rows,
        Func<double, string>? format = null, double? max = null)
    {
        format ??= v => v.ToString("0", CultureInfo.InvariantCulture);
        const int rowHeight = 30, labelWidth = 150, barWidth = 380;
        var top = max ?? Math.Max(1, rows.Count == 0 ? 1 : rows.Max(r => r.Value));
        var height = Math.Max(1, rows.Count) * rowHeight + 6;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg class=\"chart\" viewBox=\"0 0 600 {height}\" role=\"img\" aria-label=\"{E(title)}\"><title>{E(title)}</title>");
        for (var i = 0; i < rows.Count; i++)
        {
            var (label, value, color) = rows[i];
            var y = i * rowHeight + 4;
            var width = top <= 0 ? 0 : Math.Max(value > 0 ? 2 : 0, value / top * barWidth);
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{labelWidth - 8}\" y=\"{y + 16}\" text-anchor=\"end\">{E(label)}</text>"
                + $"<rect x=\"{labelWidth}\" y=\"{y + 2}\" width=\"{barWidth}\" height=\"20\" rx=\"4\" fill=\"#eef1f5\"/>"
                + $"<rect x=\"{labelWidth}\" y=\"{y + 2}\" width=\"{width:0.#}\" height=\"20\" rx=\"4\" fill=\"{color}\"/>"
                + $"<text class=\"value\" x=\"{labelWidth + barWidth + 8}\" y=\"{y + 16}\">{E(format(value))}</text>");
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    /// <summary>
    /// One vertical column per row, left to right (a time series): the value above each column
    /// when there is room, a label under every few columns, each column titled with label and value.
    /// </summary>
    public static IHtmlContent Columns(string title, IReadOnlyList<(string Label, double Value)> rows, string color)
    {
        const int width = 600, height = 200, bottom = 176, chartHeight = 150, left = 10;
        var top = Math.Max(1, rows.Count == 0 ? 1 : rows.Max(r => r.Value));
        var slot = (width - (2.0 * left)) / Math.Max(1, rows.Count);
        var labelEvery = (int)Math.Ceiling(rows.Count / 8.0);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg class=\"chart\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{E(title)}\"><title>{E(title)}</title>"
            + $"<line x1=\"{left}\" y1=\"{bottom}\" x2=\"{width - left}\" y2=\"{bottom}\" stroke=\"#cbd5e1\"/>");
        for (var i = 0; i < rows.Count; i++)
        {
            var (label, value) = rows[i];
            var x = left + (i * slot);
            var barHeight = value / top * chartHeight;
            var text = value.ToString("0", CultureInfo.InvariantCulture);
            svg.Append(CultureInfo.InvariantCulture,
                $"<rect x=\"{x + (slot * 0.15):0.#}\" y=\"{bottom - barHeight:0.#}\" width=\"{slot * 0.7:0.#}\" height=\"{barHeight:0.#}\" rx=\"2\" fill=\"{color}\">"
                + $"<title>{E(label)}: {text}</title></rect>");
            if (rows.Count <= 16 && value > 0)
            {
                svg.Append(CultureInfo.InvariantCulture,
                    $"<text class=\"value\" x=\"{x + (slot / 2):0.#}\" y=\"{bottom - barHeight - 4:0.#}\" text-anchor=\"middle\">{text}</text>");
            }

            if (i % labelEvery == 0)
            {
                svg.Append(CultureInfo.InvariantCulture,
                    $"<text x=\"{x + (slot / 2):0.#}\" y=\"{bottom + 18}\" text-anchor=\"middle\">{E(label)}</text>");
            }
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    /// <summary>A ring filled to a share (0..1), the percentage in its middle; an empty ring with "—" when unknown.</summary>
    public static IHtmlContent Ring(string title, double? share, string color)
    {
        const double radius = 52, circumference = 2 * Math.PI * radius;
        var filled = (share ?? 0) * circumference;
        var text = share is { } s ? (s * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%" : "—";
        // Nothing filled draws no arc: a round line cap would still show a dot at the top.
        var arc = filled <= 0 ? "" : string.Create(CultureInfo.InvariantCulture,
            $"<circle cx=\"70\" cy=\"70\" r=\"{radius}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"14\" stroke-linecap=\"round\" "
            + $"stroke-dasharray=\"{filled:0.##} {circumference:0.##}\" transform=\"rotate(-90 70 70)\"/>");
        return new HtmlString(string.Create(CultureInfo.InvariantCulture,
            $"<svg class=\"chart ring\" viewBox=\"0 0 140 140\" width=\"140\" height=\"140\" role=\"img\" aria-label=\"{E(title)}: {text}\"><title>{E(title)}</title>"
            + $"<circle cx=\"70\" cy=\"70\" r=\"{radius}\" fill=\"none\" stroke=\"#eef1f5\" stroke-width=\"14\"/>{arc}"
            + $"<text class=\"value\" x=\"70\" y=\"77\" text-anchor=\"middle\">{text}</text></svg>"));
    }

    private static string E(string value) => Html.Encode(value);
}
