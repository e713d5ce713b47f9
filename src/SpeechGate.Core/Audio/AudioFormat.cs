using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using SpeechGate.Synthesis;

namespace SpeechGate.Audio;

/// <summary>An ElevenLabs <c>output_format</c> value, e.g. <c>mp3_44100_128</c>: codec, sample rate and bitrate.</summary>
public sealed record AudioFormat
{
    private static readonly string[] Names =
    [
        "mp3_22050_32", "mp3_24000_48", "mp3_44100_32", "mp3_44100_64", "mp3_44100_96", "mp3_44100_128", "mp3_44100_192",
        "pcm_8000", "pcm_16000", "pcm_22050", "pcm_24000", "pcm_32000", "pcm_44100", "pcm_48000",
        "ulaw_8000", "alaw_8000",
        "opus_48000_32", "opus_48000_64", "opus_48000_96", "opus_48000_128", "opus_48000_192",
        "wav_8000", "wav_16000", "wav_22050", "wav_24000", "wav_32000", "wav_44100", "wav_48000",
    ];

    private static readonly FrozenDictionary<string, AudioFormat> Known =
        Names.ToFrozenDictionary(name => name, Create, StringComparer.Ordinal);

    // The WebSocket endpoint accepts fewer values than HTTP (elevenlabs-api.md §3).
    private static readonly FrozenSet<string> NotOnWebSocket = FrozenSet.Create(StringComparer.Ordinal,
        ["mp3_24000_48", "pcm_32000", "pcm_48000"]);

    private AudioFormat(AudioCodec codec, int sampleRate, int bitrateKbps, string name)
    {
        Codec = codec;
        SampleRate = sampleRate;
        BitrateKbps = bitrateKbps;
        Name = name;
    }

    /// <summary>ElevenLabs' default, <c>mp3_44100_128</c>.</summary>
    public static AudioFormat Default { get; } = Parse("mp3_44100_128");

    /// <summary>Every value the API accepts on convert, in the reference's order.</summary>
    public static IReadOnlyList<string> AllNames => Names;

    /// <summary>The encoding.</summary>
    public AudioCodec Codec { get; }

    /// <summary>Samples per second of the encoded audio.</summary>
    public int SampleRate { get; }

    /// <summary>Bitrate in kbit/s for MP3 and Opus; 0 for uncompressed formats.</summary>
    public int BitrateKbps { get; }

    /// <summary>The wire name, e.g. <c>mp3_44100_128</c>.</summary>
    public string Name { get; }

    /// <summary>Whether the streaming endpoints accept it (WAV is convert-only).</summary>
    public bool IsStreamable => Codec != AudioCodec.Wav;

    /// <summary>Whether the WebSocket endpoint accepts it.</summary>
    public bool IsWebSocketCapable => IsStreamable && !NotOnWebSocket.Contains(Name);

    /// <summary>The lowest subscription tier allowed to request it (<c>free</c>, <c>creator</c>, <c>pro</c>).</summary>
    public string MinimumTier => Name switch
    {
        "mp3_44100_192" => "creator",
        "pcm_44100" or "wav_44100" => "pro",
        _ => "free",
    };

    /// <summary>The Content-Type of responses in this format.</summary>
    /// <remarks>
    /// <c>audio/mpeg</c> and <c>audio/pcm</c> are documented; the rest are UNVERIFIED (elevenlabs-api.md §2), so we
    /// use the registered types: <c>audio/wav</c>, <c>audio/basic</c> (μ-law), <c>audio/x-alaw-basic</c>, and
    /// <c>audio/ogg</c> for Ogg Opus (RFC 7845).
    /// </remarks>
    public string MediaType => Codec switch
    {
        AudioCodec.Mp3 => "audio/mpeg",
        AudioCodec.Pcm => "audio/pcm",
        AudioCodec.Wav => "audio/wav",
        AudioCodec.Ulaw => "audio/basic",
        AudioCodec.Alaw => "audio/x-alaw-basic",
        AudioCodec.Opus => "audio/ogg",
        _ => "application/octet-stream",
    };

    /// <summary>Parses a wire name; throws a 422 <see cref="SpeechException"/> naming the valid values otherwise.</summary>
    public static AudioFormat Parse(string? value)
        => TryParse(value, out var format)
            ? format
            : throw SpeechException.Validation(
                "output_format",
                $"Invalid output_format '{value}'. Valid values: {string.Join(", ", AllNames)}.");

    /// <summary>Parses a wire name such as <c>opus_48000_64</c>.</summary>
    public static bool TryParse(string? value, [NotNullWhen(true)] out AudioFormat? format)
    {
        format = null;
        return value is not null && Known.TryGetValue(value, out format);
    }

    private static AudioFormat Create(string value)
    {
        var parts = value.Split('_');
        var codec = parts[0] switch
        {
            "mp3" => AudioCodec.Mp3,
            "pcm" => AudioCodec.Pcm,
            "wav" => AudioCodec.Wav,
            "ulaw" => AudioCodec.Ulaw,
            "alaw" => AudioCodec.Alaw,
            _ => AudioCodec.Opus,
        };
        var rate = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        var bitrate = parts.Length > 2 ? int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture) : 0;
        return new AudioFormat(codec, rate, bitrate, value);
    }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
