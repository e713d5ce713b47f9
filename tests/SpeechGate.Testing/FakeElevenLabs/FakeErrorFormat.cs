namespace SpeechGate.Testing.FakeElevenLabs;

/// <summary>Which JSON shape errors take (elevenlabs-api.md §10).</summary>
public enum FakeErrorFormat
{
    /// <summary><c>{"detail":{"status","message"}}</c>.</summary>
    Legacy,

    /// <summary><c>{"detail":{"type","code","message","status","request_id","param"}}</c>.</summary>
    Current,
}
