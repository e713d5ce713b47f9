namespace SpeechGate.Providers.ElevenLabs;

/// <summary>The shape of a successful text-to-speech body.</summary>
internal enum ElevenLabsResponseKind
{
    /// <summary>Raw audio bytes.</summary>
    Audio,

    /// <summary>One JSON object with base64 audio and alignment.</summary>
    TimestampJson,

    /// <summary>Newline-delimited JSON objects, one per chunk.</summary>
    TimestampLines,
}
