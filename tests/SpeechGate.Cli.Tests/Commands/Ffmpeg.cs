using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SpeechGate.Cli.Tests.Commands;

/// <summary>Independent measurements with Debian's ffmpeg/ffprobe: loudness, decoded duration, subtitle cues.</summary>
internal static partial class Ffmpeg
{
    /// <summary>Integrated loudness (LUFS) and true peak (dBTP) by ffmpeg's ebur128 filter.</summary>
    public static async Task<(double Lufs, double TruePeak)> LoudnessAsync(string path)
    {
        var (_, error) = await RunAsync("ffmpeg", "-nostats", "-hide_banner", "-i", path, "-af", "ebur128=peak=true:framelog=verbose", "-f", "null", "-");
        var summary = error[error.LastIndexOf("Summary:", StringComparison.Ordinal)..];
        return (Number(IntegratedLine().Match(summary)), Number(PeakLine().Match(summary)));
    }

    /// <summary>Duration by decoding every sample (mono, 44.1 kHz, 16-bit).</summary>
    public static async Task<long> DecodedMillisecondsAsync(string path)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-v", "error", "-i", path, "-f", "s16le", "-ac", "1", "-ar", "44100", "-" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var buffer = new byte[1 << 16];
        long bytes = 0;
        int read;
        while ((read = await process.StandardOutput.BaseStream.ReadAsync(buffer)) > 0)
        {
            bytes += read;
        }

        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await errors);
        return bytes / 2 * 1000 / 44100;
    }

    /// <summary>Cue start and end (ms) of an SRT or WebVTT file, as ffprobe parses it.</summary>
    public static async Task<List<(long Start, long End)>> CuesAsync(string path)
    {
        var (output, _) = await RunAsync("ffprobe", "-v", "error", "-show_packets", "-of", "json", path);
        using var json = JsonDocument.Parse(output);
        return [.. json.RootElement.GetProperty("packets").EnumerateArray().Select(p =>
        {
            var start = double.Parse(p.GetProperty("pts_time").GetString()!, CultureInfo.InvariantCulture);
            var duration = double.Parse(p.GetProperty("duration_time").GetString()!, CultureInfo.InvariantCulture);
            return ((long)Math.Round(start * 1000), (long)Math.Round((start + duration) * 1000));
        })];
    }

    private static async Task<(string Output, string Error)> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{program} failed: {await error}");
        return (await output, await error);
    }

    private static double Number(Match match)
    {
        Assert.True(match.Success, "ffmpeg printed no summary value");
        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"I:\s+(-?[\d.]+) LUFS")]
    private static partial Regex IntegratedLine();

    [GeneratedRegex(@"Peak:\s+(-?[\d.]+) dBFS")]
    private static partial Regex PeakLine();
}
