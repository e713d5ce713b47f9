namespace SpeechGate.Providers.Local.Audio;

/// <summary>The two G.711 companding laws.</summary>
internal enum G711Law
{
    /// <summary>μ-law (North America, Japan).</summary>
    MuLaw,

    /// <summary>A-law (Europe).</summary>
    ALaw,
}
