namespace SpeechGate.Budgeting;

/// <summary>Published credits-per-character rates, e.g. from ElevenLabs' <c>GET /v1/models</c>.</summary>
public interface IModelRateSource
{
    /// <summary>The rate of <paramref name="modelId"/>, when the source knows it.</summary>
    bool TryGetMultiplier(string modelId, out double multiplier);

    /// <summary>Reads the published rates again when they are missing or stale; failures keep what it had.</summary>
    ValueTask RefreshIfStaleAsync(CancellationToken cancellationToken = default);
}
