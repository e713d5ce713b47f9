using System.Globalization;
using System.Net;
using System.Text;

namespace SpeechGate.Server.Dashboard;

/// <summary>
/// Server-rendered SVG charts: grouped columns (a value per day) and horizontal bars (a value per name). Every mark
/// carries <c>data-series</c>, <c>data-category</c> and <c>data-value</c>, and a tooltip, so a test or a person can read
/// the exact numbers. Text is escaped: project names and voice names come from clients and configuration.
/// </summary>
internal static class SvgChart
{
    private const int Width = 680;
    private const string Font = "font-family=\"system-ui, sans-serif\" font-size=\"11\"";

    public static string Columns(string id, string title, IReadOnlyList<string> categories, IReadOnlyList<ChartSeries> series, Func<double, string> format)
    {
        if (categories.Count == 0)
        {
            return Empty(id, title);
        }

        const int height = 220, left = 56, bottom = 40, top = 28;
        var max = Math.Max(1, series.SelectMany(s => s.Values).DefaultIfEmpty(0).Max());
        var plot = height - bottom - top;
        var slot = (double)(Width - left - 10) / categories.Count;
        var barWidth = Math.Max(2, (slot - 6) / series.Count);
        var svg = Open(id, title, height);
        for (var tick = 0; tick <= 4; tick++)
        {
            var y = top + plot - (plot * tick / 4.0);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" x2=\"{Width - 10}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" stroke=\"#e5e7eb\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\" {Font} fill=\"#6b7280\">{Escape(format(max * tick / 4))}</text>");
        }

        for (var c = 0; c < categories.Count; c++)
        {
            var x0 = left + (slot * c) + 3;
            for (var s = 0; s < series.Count; s++)
            {
                var value = series[s].Values[c];
                var h = plot * value / max;
                svg.Append(CultureInfo.InvariantCulture,
                    $"<rect data-series=\"{Escape(series[s].Name)}\" data-category=\"{Escape(categories[c])}\" data-value=\"{value.ToString(CultureInfo.InvariantCulture)}\" x=\"{x0 + (barWidth * s):0.#}\" y=\"{top + plot - h:0.#}\" width=\"{barWidth - 1:0.#}\" height=\"{h:0.#}\" fill=\"{series[s].Color}\"><title>{Escape(series[s].Name)} {Escape(categories[c])}: {Escape(format(value))}</title></rect>");
            }

            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x0 + (slot / 2) - 3:0.#}\" y=\"{height - bottom + 14}\" text-anchor=\"middle\" {Font} fill=\"#374151\">{Escape(Short(categories[c]))}</text>");
        }

        var legendX = left;
        foreach (var s in series)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{legendX}\" y=\"{height - 14}\" width=\"10\" height=\"10\" fill=\"{s.Color}\"/><text x=\"{legendX + 14}\" y=\"{height - 5}\" {Font}>{Escape(s.Name)}</text>");
            legendX += 24 + (s.Name.Length * 7);
        }

        return Close(svg);
    }

    public static string Bars(string id, string title, IReadOnlyList<ChartBar> bars, string color, string emptyText = "No data yet")
    {
        if (bars.Count == 0)
        {
            return Empty(id, title, emptyText);
        }

        const int row = 26, top = 28, left = 190;
        var height = top + (bars.Count * row) + 8;
        var max = Math.Max(1, bars.Max(b => b.Of ?? b.Value));
        var span = Width - left - 250;
        var svg = Open(id, title, height);
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var y = top + (i * row);
            var w = span * bar.Value / max;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 8}\" y=\"{y + 14}\" text-anchor=\"end\" {Font} fill=\"#374151\">{Escape(bar.Label)}</text>");
            if (bar.Of is { } of)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{left}\" y=\"{y + 2}\" width=\"{span * of / max:0.#}\" height=\"16\" fill=\"#e5e7eb\"/>");
            }

            svg.Append(CultureInfo.InvariantCulture,
                $"<rect data-series=\"{Escape(id)}\" data-category=\"{Escape(bar.Label)}\" data-value=\"{bar.Value.ToString(CultureInfo.InvariantCulture)}\" x=\"{left}\" y=\"{y + 2}\" width=\"{Math.Max(1, w):0.#}\" height=\"16\" fill=\"{color}\"><title>{Escape(bar.Label)}: {Escape(bar.Text)}</title></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left + Math.Max(w, bar.Of is { } o ? span * o / max : 0) + 6:0.#}\" y=\"{y + 14}\" {Font} fill=\"#111827\">{Escape(bar.Text)}</text>");
        }

        return Close(svg);
    }

    public static string Empty(string id, string title, string text = "No data yet")
    {
        var svg = Open(id, title, 60);
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"12\" y=\"44\" {Font} fill=\"#6b7280\">{Escape(text)}</text>");
        return Close(svg);
    }

    private static StringBuilder Open(string id, string title, int height)
        => new StringBuilder().Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" data-chart=\"{Escape(id)}\" viewBox=\"0 0 {Width} {height}\" width=\"100%\" style=\"max-width:{Width}px\"><title>{Escape(title)}</title>")
            .Append(CultureInfo.InvariantCulture, $"<text x=\"4\" y=\"16\" font-family=\"system-ui, sans-serif\" font-size=\"13\" font-weight=\"600\" fill=\"#111827\">{Escape(title)}</text>");

    private static string Close(StringBuilder svg) => svg.Append("</svg>").ToString();

    // Days as "12-02": the month is in the title.
    private static string Short(string category) => category.Length == 10 && category[4] == '-' ? category[5..] : category;

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
