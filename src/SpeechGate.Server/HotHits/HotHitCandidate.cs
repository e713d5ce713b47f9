using SpeechGate.Synthesis;
using SpeechGate.VoiceResolution;

namespace SpeechGate.Server.HotHits;

/// <summary>
/// Set on a request the hot path could not answer, so the full path can teach it the answer: the request's identity
/// and the voice configuration current when it arrived (not when it finished: a pin meanwhile must retire it).
/// </summary>
internal sealed class HotHitCandidate(HotHitIndex index, byte[] fingerprint, VoiceConfiguration voices)
{
    public void Remember(SpeechAudio answer) => index.Remember(fingerprint, voices, answer);
}
