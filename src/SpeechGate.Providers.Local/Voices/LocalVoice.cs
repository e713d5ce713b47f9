using SpeechGate.Providers.Local.Engine;
using SpeechGate.Voices;

namespace SpeechGate.Providers.Local.Voices;

/// <summary>An eSpeak NG voice with its public id and its description in ElevenLabs' terms.</summary>
internal sealed record LocalVoice(string VoiceId, EspeakVoice Engine, VoiceInfo Info);
