using System.Diagnostics;
using System.Globalization;
using SpeechGate.Audio;

namespace SpeechGate.Providers.Local.Tests.Support;

/// <summary>Decodes clips with the real command-line tools (sox/soxi, opusdec/opusinfo) in a scratch directory.</summary>
public static class SoxDecoder
{
    public static async Task<DecodedAudio> DecodeAsync(byte[] audio, AudioFormat format)
    {
        var directory = Directory.CreateTempSubdirectory("speechgate-local-");
        try
        {
            var input = Path.Combine(directory.FullName, "clip." + Extension(format.Codec));
            await File.WriteAllBytesAsync(input, audio);
            var wav = Path.Combine(directory.FullName, "decoded.wav");
            var report = await ToWavAsync(input, wav, format);
            var rate = int.Parse(await RunAsync("soxi", "-r", wav), CultureInfo.InvariantCulture);
            var channels = int.Parse(await RunAsync("soxi", "-c", wav), CultureInfo.InvariantCulture);
            var duration = double.Parse(await RunAsync("soxi", "-D", wav), CultureInfo.InvariantCulture);
            return new DecodedAudio(rate, channels, duration, report);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static Task<string> ToWavAsync(string input, string wav, AudioFormat format)
    {
        var rate = format.SampleRate.ToString(CultureInfo.InvariantCulture);
        return format.Codec switch
        {
            AudioCodec.Opus => OpusToWavAsync(input, wav),
            AudioCodec.Pcm => RunAsync("sox", "-t", "raw", "-e", "signed", "-b", "16", "-L", "-r", rate, "-c", "1", input, wav),
            AudioCodec.Ulaw => RunAsync("sox", "-t", "ul", "-r", rate, "-c", "1", input, wav),
            AudioCodec.Alaw => RunAsync("sox", "-t", "al", "-r", rate, "-c", "1", input, wav),
            _ => RunAsync("sox", input, wav),
        };
    }

    private static async Task<string> OpusToWavAsync(string input, string wav)
    {
        var info = await RunAsync("opusinfo", input);
        await RunAsync("opusdec", "--quiet", "--rate", "48000", input, wav);
        return info;
    }

    private static string Extension(AudioCodec codec) => codec switch
    {
        AudioCodec.Mp3 => "mp3",
        AudioCodec.Opus => "opus",
        AudioCodec.Wav => "wav",
        _ => "raw",
    };

    public static async Task<string> RunAsync(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        var text = (await output).Trim();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error}");
        }

        return text;
    }
}
