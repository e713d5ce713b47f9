namespace SpeechGate.Audio;

/// <summary>The encodings behind ElevenLabs' <c>output_format</c> values.</summary>
public enum AudioCodec
{
    /// <summary>MPEG-1/2 Layer III.</summary>
    Mp3,

    /// <summary>Raw signed 16-bit little-endian mono, no header.</summary>
    Pcm,

    /// <summary>RIFF/WAVE with 16-bit PCM.</summary>
    Wav,

    /// <summary>G.711 μ-law, 8 kHz.</summary>
    Ulaw,

    /// <summary>G.711 A-law, 8 kHz.</summary>
    Alaw,

    /// <summary>Opus in an Ogg container, 48 kHz.</summary>
    Opus,
}
