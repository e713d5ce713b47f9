using SpeechGate.Synthesis;

namespace SpeechGate.Budgeting;

/// <summary>Tells whether a request's audio is already cached (and so free), without fetching it.</summary>
public interface ICacheProbe
{
    /// <summary>True when the audio for <paramref name="request"/> (voice already resolved: <see cref="SpeechRequestResolver.Resolve"/>) is stored.</summary>
    Task<bool> ContainsAsync(SpeechRequest request, CancellationToken cancellationToken = default);
}
