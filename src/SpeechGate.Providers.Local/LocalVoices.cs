using SpeechGate.Providers.Local.Voices;

namespace SpeechGate.Providers.Local;

/// <summary>Well-known names of the local (eSpeak NG) provider.</summary>
public static class LocalVoices
{
    /// <summary>The provider name, used as the DI key and in <c>SpeechRequest.Provider</c>.</summary>
    public const string ProviderName = Synthesis.SpeechProviderNames.Local;

    /// <summary>The eSpeak NG voice file of the default voice: English (America), <c>en-us</c>.</summary>
    public const string DefaultVoiceIdentifier = "gmw/en-US";

    /// <summary>The id of the default voice (English, en-us); the same on every machine.</summary>
    public const string DefaultVoiceId = "VFi9svz5baIlnahpKgs7";

    /// <summary>The slowest <c>voice_settings.speed</c> offered (below 80 words per minute libsonic slows the engine down).</summary>
    public const double MinimumSpeed = 0.25;

    /// <summary>The fastest <c>voice_settings.speed</c> the engine can apply (990 words per minute).</summary>
    public const double MaximumSpeed = 990.0 / 175;

    /// <summary>The stable 20-character id of an eSpeak NG voice file (e.g. <c>gmw/en-US</c>).</summary>
    public static string IdFor(string voiceIdentifier) => VoiceIds.FromIdentifier(voiceIdentifier);
}
