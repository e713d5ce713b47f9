using System.Diagnostics;

namespace SpeechGate.Bench.LocalSynthesis;

/// <summary>The baseline: <c>espeak-ng -w tmp.wav</c>, then <c>lame -b 128</c>, as two child processes.</summary>
internal sealed class ProcessBaseline(string directory)
{
    /// <summary>Runs both tools; returns the MP3's size in bytes.</summary>
    public async Task<long> RunAsync(string text)
    {
        var wav = Path.Combine(directory, "tmp.wav");
        var mp3 = Path.Combine(directory, "tmp.mp3");
        await RunToolAsync("espeak-ng", "-v", "en-us", "-w", wav, text);

        // --resample 44.1 makes the baseline produce what the provider produces: mp3_44100_128 (lame would keep 22.05 kHz).
        await RunToolAsync("lame", "--quiet", "-b", "128", "--resample", "44.1", wav, mp3);
        return new FileInfo(mp3).Length;
    }

    private static async Task RunToolAsync(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {tool}.");
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {error}");
        }
    }
}
