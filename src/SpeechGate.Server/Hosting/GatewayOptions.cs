namespace SpeechGate.Server.Hosting;

/// <summary>
/// The gateway's HTTP settings (configuration section <c>Gateway</c>, e.g. <c>SPEECHGATE_Gateway__RateLimitPermits</c>
/// for <c>speechgate serve</c>). The values a host sets in code are the defaults configuration overrides.
/// </summary>
public sealed class GatewayOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Gateway";

    /// <summary>
    /// Answer repeats of requests already served from the cache before routing and the pipeline (the hot-hit path,
    /// <c>HotHits/</c>); false sends every request down the full path. Same answers, headers and ledger rows either way.
    /// </summary>
    public bool HotHits { get; set; } = true;

    /// <summary>Largest request body accepted, in bytes.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>How long shutdown waits for in-flight streams to finish.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Requests of any kind each key (or client address, without keys) may make per <see cref="RateLimitWindow"/>, cache
    /// hits included; 0 (the default) sets no such limit, so a key can take a cache-hit load at full speed (hits cost
    /// nothing). Answers 429 <c>system_busy</c> beyond it.
    /// </summary>
    public int RateLimitPermits { get; set; }

    /// <summary>
    /// Requests each key may send to a provider (misses and bypasses: what costs credits or engine time) per
    /// <see cref="RateLimitWindow"/>; 0 disables. Protects the upstream and the budget from a runaway client.
    /// </summary>
    public int ProviderRateLimitPermits { get; set; } = 600;

    /// <summary>The rate limits' replenishment window.</summary>
    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Origins browsers may call from (e.g. <c>https://app.example</c>); empty allows any origin, as ElevenLabs does.</summary>
    public IList<string> CorsOrigins { get; set; } = [];

    internal GatewayOptions Clone() => new()
    {
        HotHits = HotHits,
        MaxRequestBodyBytes = MaxRequestBodyBytes,
        ShutdownTimeout = ShutdownTimeout,
        RateLimitPermits = RateLimitPermits,
        ProviderRateLimitPermits = ProviderRateLimitPermits,
        RateLimitWindow = RateLimitWindow,
        CorsOrigins = [.. CorsOrigins],
    };

    /// <summary>Throws when a value cannot work, naming the setting.</summary>
    /// <exception cref="InvalidOperationException">A value is out of range.</exception>
    internal void Validate()
    {
        Check(MaxRequestBodyBytes > 0, nameof(MaxRequestBodyBytes), "must be positive");
        Check(ShutdownTimeout >= TimeSpan.Zero, nameof(ShutdownTimeout), "must not be negative");
        Check(RateLimitPermits >= 0, nameof(RateLimitPermits), "must be 0 (off) or positive");
        Check(ProviderRateLimitPermits >= 0, nameof(ProviderRateLimitPermits), "must be 0 (off) or positive");
        Check(RateLimitWindow > TimeSpan.Zero, nameof(RateLimitWindow), "must be positive");
        foreach (var origin in CorsOrigins)
        {
            Check(Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.AbsolutePath == "/" && uri.Query.Length == 0,
                nameof(CorsOrigins), $"'{origin}' is not an origin like https://app.example");
        }
    }

    private static void Check(bool valid, string name, string problem)
    {
        if (!valid)
        {
            throw new InvalidOperationException($"Invalid configuration: {SectionName}:{name} {problem}.");
        }
    }
}
