using SpeechGate.Audio;

namespace SpeechGate.Synthesis;

/// <summary>What to say and how: every field of an ElevenLabs text-to-speech request, plus routing and metering.</summary>
/// <remarks>
/// Audio-deciding fields are listed explicitly by the cache key. <see cref="AccountId"/>, <see cref="Project"/> and
/// <see cref="LineId"/> say who pays and why; they never change the audio.
/// </remarks>
public sealed record SpeechRequest(string Text, string VoiceId)
{
    /// <summary>The ElevenLabs default model.</summary>
    public const string DefaultModelId = "eleven_multilingual_v2";

    /// <summary>Provider name (<c>local</c>, <c>elevenlabs</c>); null means the configured default.</summary>
    public string? Provider { get; init; }

    /// <summary>Model id; null means the provider's default.</summary>
    public string? ModelId { get; init; }

    /// <summary>Output format; ElevenLabs' default is <c>mp3_44100_128</c>.</summary>
    public AudioFormat Format { get; init; } = AudioFormat.Default;

    /// <summary>Per-request voice settings; null fields take the voice's stored values.</summary>
    public VoiceSettings? VoiceSettings { get; init; }

    /// <summary>ISO 639-1 language code.</summary>
    public string? LanguageCode { get; init; }

    /// <summary>Best-effort determinism, 0..4294967295.</summary>
    public uint? Seed { get; init; }

    /// <summary>Up to three pronunciation dictionaries, applied in order.</summary>
    public IReadOnlyList<PronunciationDictionaryLocator> PronunciationDictionaryLocators { get; init; } = [];

    /// <summary>Text said before this one, for continuity.</summary>
    public string? PreviousText { get; init; }

    /// <summary>Text said after this one, for continuity.</summary>
    public string? NextText { get; init; }

    /// <summary>Request ids of earlier generations (at most three); they take precedence over <see cref="PreviousText"/>.</summary>
    public IReadOnlyList<string> PreviousRequestIds { get; init; } = [];

    /// <summary>Request ids of later generations (at most three); they take precedence over <see cref="NextText"/>.</summary>
    public IReadOnlyList<string> NextRequestIds { get; init; } = [];

    /// <summary>
    /// The request ids are continuity hints only: the cache key leaves them out and keys on the neighbours' text, so
    /// re-rendering one line never changes (and re-pays) the lines after it.
    /// </summary>
    public bool RequestIdsAreHints { get; init; }

    /// <summary><c>auto</c>, <c>on</c> or <c>off</c>; null is the API default (<c>auto</c>).</summary>
    public string? ApplyTextNormalization { get; init; }

    /// <summary>Language-specific normalisation (Japanese only).</summary>
    public bool? ApplyLanguageTextNormalization { get; init; }

    /// <summary>Deprecated ElevenLabs flag, passed through.</summary>
    public bool? UsePvcAsIvc { get; init; }

    /// <summary>Query <c>enable_logging</c>; false is zero-retention mode.</summary>
    public bool? EnableLogging { get; init; }

    /// <summary>Query <c>optimize_streaming_latency</c> (0–4, deprecated upstream).</summary>
    public int? OptimizeStreamingLatency { get; init; }

    /// <summary>Whether the caller wants character alignment with the audio.</summary>
    public bool WithTimestamps { get; init; }

    /// <summary>The upstream account the provider bills (cloned voices belong to one account); part of the cache key.</summary>
    public string? Tenant { get; init; }

    /// <summary>Skip the cache lookup and buy a fresh take (still stored; recorded as a regeneration).</summary>
    public bool BypassCache { get; init; }

    /// <summary>Who pays (a gateway key id); metering only, never part of the cache key.</summary>
    public string? AccountId { get; init; }

    /// <summary>Project tag for metering and budgets.</summary>
    public string? Project { get; init; }

    /// <summary>Script line id, used to tell a regeneration from a first take.</summary>
    public string? LineId { get; init; }

    /// <summary>An open provider session to send this request over (a realtime relay); transport only, never part of the cache key.</summary>
    public ISpeechSession? Session { get; init; }
}
