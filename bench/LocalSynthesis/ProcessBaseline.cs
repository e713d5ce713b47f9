using System.Diagnostics;

namespace SpeechGate.Bench.LocalSynthesis;

/// <summary>The baseline: <c>espeak-ng -w tmp.wav</c>, then <c>lame -b 128</c>, as two child processes.</summary>
/// <param name="directory">Scratch directory for tmp.wav and tmp.mp3.</param>
/// <param name="resample">
/// True adds <c>--resample 44.1</c> so the baseline produces what the provider produces (mp3_44100_128); false is the
/// literal command, which keeps espeak's 22.05 kHz and so encodes half as many samples.
/// </param>
internal sealed class ProcessBaseline(string directory, bool resample)
{
    /// <summary>Runs both tools; returns the MP3's size in bytes.</summary>
    public async Task<long> RunAsync(string text)
    {
        var wav = Path.Combine(directory, "tmp.wav");
        var mp3 = Path.Combine(directory, "tmp.mp3");
        await RunToolAsync("espeak-ng", "-v", "en-us", "-w", wav, text);

        string[] lame = resample ? ["--quiet", "-b", "128", "--resample", "44.1", wav, mp3] : ["--quiet", "-b", "128", wav, mp3];
        await RunToolAsync("lame", lame);
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
