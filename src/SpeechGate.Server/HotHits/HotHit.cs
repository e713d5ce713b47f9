using SpeechGate.Caching;
using SpeechGate.Metering;
using SpeechGate.Synthesis;
using SpeechGate.VoiceResolution;

namespace SpeechGate.Server.HotHits;

/// <summary>What the full path answered for a request it served from the cache.</summary>
/// <param name="Key">The cache key the request resolved to.</param>
/// <param name="Answer">The answer's metadata (no audio): the response headers are made from it exactly as the full path makes them.</param>
/// <param name="Usage">The ledger row metering wrote for it, the template of every repeat's row; null when nothing meters.</param>
/// <param name="Voices">The voice configuration the request resolved against; a pin replaces it and retires this entry.</param>
/// <param name="ExpiresAt">Timestamp (<see cref="TimeProvider.GetTimestamp"/>) after which the full path answers again.</param>
internal sealed record HotHit(SpeechCacheKey Key, SpeechAudio Answer, UsageRecord? Usage, VoiceConfiguration Voices, long ExpiresAt);
