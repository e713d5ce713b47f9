using System.Globalization;
using System.Text;

namespace SpeechGate.Benchmarks;

/// <summary>Latency percentiles of both sides and the provider's added cost.</summary>
internal sealed record OverheadResult(double[] Baseline, double[] Provider, long BytesPerResponse)
{
    public string Format(int iterations, int warmup, string format)
    {
        var text = new StringBuilder();
        var culture = CultureInfo.InvariantCulture;
        var (b50, b99) = (Percentile(Baseline, 0.50), Percentile(Baseline, 0.99));
        var (p50, p99) = (Percentile(Provider, 0.50), Percentile(Provider, 0.99));
        text.AppendLine(culture, $"ElevenLabs provider overhead vs raw HttpClient (fake on 127.0.0.1, {format}, {BytesPerResponse} bytes/response)");
        text.AppendLine(culture, $"iterations {iterations} (after {warmup} warm-up pairs), interleaved");
        text.AppendLine("                 p50 µs     p99 µs");
        text.AppendLine(culture, $"raw HttpClient  {b50,8:F1}   {b99,8:F1}");
        text.AppendLine(culture, $"provider        {p50,8:F1}   {p99,8:F1}");
        text.AppendLine(culture, $"added           {p50 - b50,8:F1}   {p99 - b99,8:F1}");
        text.AppendLine(culture, $"ratio           {p50 / b50,8:F3}   {p99 / b99,8:F3}");
        text.Append(culture, $"goal: added p50 <= 1000 µs: {(p50 - b50 <= 1000 ? "met" : "NOT met")}");
        return text.ToString();
    }

    private static double Percentile(double[] values, double quantile)
    {
        var sorted = values.Order().ToArray();
        var index = (int)Math.Ceiling(quantile * sorted.Length) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Length - 1)];
    }
}
