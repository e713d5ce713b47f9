using SpeechGate.Audio;
using SpeechGate.Models;
using SpeechGate.Providers.Local;

namespace SpeechGate.Server.Endpoints.OpenAI;

/// <summary>OpenAI's speech vocabulary (models, voices, formats, speed) in ElevenLabs' terms.</summary>
internal static class OpenAISpeechMapping
{
    public const double MinimumSpeed = 0.25;
    public const double MaximumSpeed = 4.0;

    /// <summary>The speed range ElevenLabs documents (elevenlabs-api.md §2); the gateway keeps its requests inside it.</summary>
    public const double ElevenLabsMinimumSpeed = 0.7;
    public const double ElevenLabsMaximumSpeed = 1.2;

    /// <summary>OpenAI's stock voices; the gateway maps them through configuration or to the provider's first voice.</summary>
    public static readonly IReadOnlySet<string> StockVoices = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "alloy", "ash", "ballad", "cedar", "coral", "echo", "fable", "marin", "nova", "onyx", "sage", "shimmer", "verse",
    };

    /// <summary>Every value OpenAI defines, in its order.</summary>
    public static readonly IReadOnlyList<string> FormatNames = ["mp3", "opus", "aac", "flac", "wav", "pcm"];

    /// <summary>
    /// OpenAI's PCM and WAV are 24 kHz, which ElevenLabs offers on every tier; FLAC is 24 kHz PCM encoded by the gateway
    /// (libFLAC). AAC is null: no AAC encoder ships in Debian's main archive in a form the gateway can call (libfdk-aac is
    /// non-free), and answering MP3 bytes labelled AAC would corrupt the caller's files.
    /// </summary>
    public static OpenAIResponseFormat? Format(string name) => name switch
    {
        "mp3" => new(name, AudioFormat.Parse("mp3_44100_128")),
        "opus" => new(name, AudioFormat.Parse("opus_48000_64")),
        "wav" => new(name, AudioFormat.Parse("wav_24000")),
        "pcm" => new(name, AudioFormat.Parse("pcm_24000")),
        "flac" => new(name, AudioFormat.Parse("pcm_24000"), TranscodeToFlac: true),
        _ => null,
    };

    /// <summary>tts-1 wants speed (flash), tts-1-hd and gpt-4o-mini-tts want quality; ElevenLabs ids pass through.</summary>
    public static string? Model(string model) => model switch
    {
        "tts-1" => "eleven_flash_v2_5",
        "tts-1-hd" or "gpt-4o-mini-tts" => "eleven_multilingual_v2",
        _ when KnownModels.Find(model) is not null => model,
        _ => null,
    };

    /// <summary>The speed the provider will apply: the local engine covers 0.25–5.66, ElevenLabs documents 0.7–1.2.</summary>
    public static double Speed(string provider, double requested) => provider == LocalVoices.ProviderName
        ? Math.Clamp(requested, LocalVoices.MinimumSpeed, LocalVoices.MaximumSpeed)
        : Math.Clamp(requested, ElevenLabsMinimumSpeed, ElevenLabsMaximumSpeed);
}
