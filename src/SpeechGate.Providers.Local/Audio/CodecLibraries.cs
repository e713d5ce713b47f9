using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using SpeechGate.Audio;
using SpeechGate.Providers.Local.Engine;
using SpeechGate.Providers.Local.Native;

namespace SpeechGate.Providers.Local.Audio;

/// <summary>Checks, before any audio is promised, that the native codec libraries a format needs are installed.</summary>
internal static class CodecLibraries
{
    private static readonly ConcurrentDictionary<string, bool> Loaded = new(StringComparer.Ordinal);

    /// <summary>Throws the 503 <c>local_engine_unavailable</c> naming the apt package when a library is missing.</summary>
    public static void Require(AudioFormat format, int engineRate)
    {
        ArgumentNullException.ThrowIfNull(format);
        if (format.Codec == AudioCodec.Mp3)
        {
            Require(LameNative.Library, "libmp3lame0");
        }
        else if (format.Codec == AudioCodec.Opus)
        {
            Require(OpusNative.Library, "libopus0");
            Require(OggNative.Library, "libogg0");
        }

        var outputRate = format.Codec switch
        {
            AudioCodec.Opus => 48000,
            AudioCodec.Ulaw or AudioCodec.Alaw => 8000,
            _ => format.SampleRate,
        };
        if (outputRate != engineRate)
        {
            Require(SoxrNative.Library, "libsoxr0");
        }
    }

    private static void Require(string library, string package)
    {
        // NativeLibrary keeps a loaded library loaded, so the answer can be cached.
        if (!Loaded.GetOrAdd(library, name => NativeLibrary.TryLoad(name, out _)))
        {
            throw LocalEngineUnavailable.Create($"The local engine needs {library}; install the apt package {package}.", null);
        }
    }
}
