using SpeechGate.Audio;

namespace SpeechGate.Server.Endpoints.OpenAI;

/// <summary>One OpenAI <c>response_format</c>: what the pipeline is asked for and what the caller gets.</summary>
/// <param name="Name">OpenAI's name (<c>mp3</c>, <c>flac</c>…).</param>
/// <param name="Upstream">The ElevenLabs <c>output_format</c> the pipeline produces (and the cache keys).</param>
/// <param name="TranscodeToFlac">Whether the gateway encodes the pipeline's PCM as FLAC (no provider offers FLAC).</param>
internal sealed record OpenAIResponseFormat(string Name, AudioFormat Upstream, bool TranscodeToFlac = false);
