using System.Security.Cryptography;
using System.Text;
using SpeechGate.Caching;
using SpeechGate.Synthesis;

namespace SpeechGate.Testing.Caching;

/// <summary>The entries the crash writer stores: key and content follow from the index alone, so a test can check them.</summary>
public static class CrashEntries
{
    /// <summary>Bytes per clip: large enough that a kill often lands mid-write.</summary>
    public const int ClipLength = 256 * 1024;

    /// <summary>The key of entry <paramref name="index"/>.</summary>
    public static SpeechCacheKey Key(int index) => SpeechCacheKey.From(new SpeechRequest($"crash line {index}", "crash-voice") { Provider = "local" });

    /// <summary>The audio of entry <paramref name="index"/>: its index's SHA-256 repeated.</summary>
    public static byte[] Audio(int index)
    {
        var seed = SHA256.HashData(Encoding.UTF8.GetBytes($"crash clip {index}"));
        var audio = new byte[ClipLength];
        for (var offset = 0; offset < audio.Length; offset += seed.Length)
        {
            seed.AsSpan(0, Math.Min(seed.Length, audio.Length - offset)).CopyTo(audio.AsSpan(offset));
        }

        return audio;
    }
}
