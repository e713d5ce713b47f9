namespace SpeechGate.Synthesis;

/// <summary>The names of the built-in providers (<see cref="SpeechRequest.Provider"/>, <c>Providers:Default</c>, keyed services).</summary>
public static class SpeechProviderNames
{
    /// <summary>The embedded, offline eSpeak NG engine; free, needs no key.</summary>
    public const string Local = "local";

    /// <summary>ElevenLabs text-to-speech.</summary>
    public const string ElevenLabs = "elevenlabs";
}
