using SpeechGate.Providers.Local.Engine;
using SpeechGate.Providers.Local.Native;

namespace SpeechGate.Providers.Local.Audio;

/// <summary>
/// Slows a sentence below eSpeak NG's slowest rate (80 words per minute) with libsonic, keeping the pitch; word
/// positions scale with it, so the alignment still matches the audio.
/// </summary>
internal static unsafe class TimeStretch
{
    /// <summary>Returns <paramref name="audio"/> played at <paramref name="tempo"/> (below 1 is slower).</summary>
    /// <remarks>A stretched sentence gets its own array (only speeds below eSpeak NG's slowest rate come here).</remarks>
    public static SentenceAudio Apply(SentenceAudio audio, double tempo)
    {
        if (Math.Abs(tempo - 1.0) < 1e-6 || audio.Samples.Length == 0)
        {
            return audio;
        }

        var stream = SonicNative.CreateStream(audio.SampleRate, 1);
        if (stream == 0)
        {
            throw new InvalidOperationException("sonicCreateStream failed.");
        }

        try
        {
            SonicNative.SetSpeed(stream, (float)tempo);
            fixed (short* input = audio.Samples.Span)
            {
                Check(SonicNative.WriteShort(stream, input, audio.Samples.Length));
            }

            Check(SonicNative.Flush(stream));
            var output = new short[SonicNative.SamplesAvailable(stream)];
            fixed (short* buffer = output)
            {
                var read = SonicNative.ReadShort(stream, buffer, output.Length);
                Array.Resize(ref output, read);
            }

            var words = audio.Words.Select(word => word with { AudioPositionMs = (int)Math.Round(word.AudioPositionMs / tempo) }).ToList();
            return new SentenceAudio(output, audio.SampleRate, words);
        }
        finally
        {
            SonicNative.DestroyStream(stream);
        }
    }

    private static void Check(int ok)
    {
        if (ok == 0)
        {
            throw new InvalidOperationException("libsonic failed (out of memory).");
        }
    }
}
