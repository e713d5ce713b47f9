namespace SpeechGate.Providers.Local.Voices;

/// <summary>One of ElevenLabs' premade voices and the eSpeak NG voice that stands in for it offline.</summary>
/// <param name="VoiceId">ElevenLabs' voice id, e.g. <c>JBFqnCBsd6RMkjVDRZzb</c>.</param>
/// <param name="Name">ElevenLabs' name, e.g. <c>George</c>.</param>
/// <param name="Gender"><c>male</c>, <c>female</c> or <c>neutral</c>, as ElevenLabs labels it.</param>
/// <param name="Accent">ElevenLabs' accent label.</param>
/// <param name="EngineVoice">The eSpeak NG voice file and variant given to <c>espeak_SetVoiceByName</c>, e.g. <c>gmw/en-GB-x-rp+m3</c>.</param>
internal sealed record StockVoice(string VoiceId, string Name, string Gender, string Accent, string EngineVoice)
{
    /// <summary>The voice file without the variant (<c>gmw/en-GB-x-rp</c>): it must be installed for the stand-in to exist.</summary>
    public string EngineFile => EngineVoice.Split('+')[0];
}
