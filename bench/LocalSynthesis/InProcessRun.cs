using System.Diagnostics;
using SpeechGate.Audio;
using SpeechGate.Providers.Local;
using SpeechGate.Synthesis;

namespace SpeechGate.Bench.LocalSynthesis;

/// <summary>One streamed synthesis through the in-process provider: time to first byte and to the last.</summary>
internal static class InProcessRun
{
    public static async Task<(double FirstByteMs, double TotalMs, long Bytes)> RunAsync(ISpeechSynthesizer synthesizer, string text, string format)
    {
        var request = new SpeechRequest(text, LocalVoices.DefaultVoiceId) { Format = AudioFormat.Parse(format) };
        var clock = Stopwatch.StartNew();
        double firstByte = -1;
        long bytes = 0;
        await using var audio = await synthesizer.SynthesizeAsync(request);
        await foreach (var chunk in audio.Chunks)
        {
            if (firstByte < 0 && !chunk.Audio.IsEmpty)
            {
                firstByte = clock.Elapsed.TotalMilliseconds;
            }

            bytes += chunk.Audio.Length;
        }

        return (firstByte, clock.Elapsed.TotalMilliseconds, bytes);
    }
}
