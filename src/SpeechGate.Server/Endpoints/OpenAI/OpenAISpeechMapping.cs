using SpeechGate.Audio;
using SpeechGate.Models;

namespace SpeechGate.Server.Endpoints.OpenAI;

/// <summary>OpenAI's speech vocabulary (models, voices, formats) in ElevenLabs' terms.</summary>
internal static class OpenAISpeechMapping
{
    /// <summary>OpenAI's stock voices; the gateway maps them through configuration or to the provider's first voice.</summary>
    public static readonly IReadOnlySet<string> StockVoices = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "alloy", "ash", "ballad", "cedar", "coral", "echo", "fable", "marin", "nova", "onyx", "sage", "shimmer", "verse",
    };

    /// <summary>The nearest <c>output_format</c>; null for values OpenAI does not define.</summary>
    /// <remarks>
    /// ElevenLabs has no AAC or FLAC: <c>aac</c> gets MP3 and <c>flac</c> gets (lossless) WAV, with the true Content-Type.
    /// OpenAI's PCM and WAV are 24 kHz, which ElevenLabs offers on every tier.
    /// </remarks>
    public static AudioFormat? Format(string? responseFormat) => (responseFormat ?? "mp3") switch
    {
        "mp3" or "aac" => AudioFormat.Parse("mp3_44100_128"),
        "opus" => AudioFormat.Parse("opus_48000_64"),
        "wav" or "flac" => AudioFormat.Parse("wav_24000"),
        "pcm" => AudioFormat.Parse("pcm_24000"),
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
}
