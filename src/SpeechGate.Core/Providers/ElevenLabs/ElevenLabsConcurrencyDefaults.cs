namespace SpeechGate.Providers.ElevenLabs;

/// <summary>Concurrent requests each plan allows (elevenlabs-api.md §12, docs of Aug 2025).</summary>
public static class ElevenLabsConcurrencyDefaults
{
    /// <summary>Whether <paramref name="modelId"/> is in the Flash/Turbo concurrency family (higher limits).</summary>
    public static bool IsFastModel(string? modelId)
        => modelId is not null
            && (modelId.Contains("flash", StringComparison.Ordinal) || modelId.Contains("turbo", StringComparison.Ordinal));

    /// <summary>The plan's limit for the model's family; unknown tiers get the free plan's limits.</summary>
    /// <remarks>Enterprise is "elevated" upstream; we assume the Business figures doubled (UNVERIFIED).</remarks>
    public static int For(string? tier, string? modelId)
    {
        var (standard, fast) = (tier ?? "free").ToUpperInvariant() switch
        {
            "STARTER" => (3, 6),
            "CREATOR" => (5, 10),
            "PRO" => (10, 20),
            "SCALE" or "BUSINESS" => (15, 30),
            "ENTERPRISE" => (30, 60),
            _ => (2, 4),
        };
        return IsFastModel(modelId) ? fast : standard;
    }
}
