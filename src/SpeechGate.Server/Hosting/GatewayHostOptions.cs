using SpeechGate.Hosting;

namespace SpeechGate.Server.Hosting;

/// <summary>How to host the gateway: where to listen, where state lives, extra configuration.</summary>
public sealed class GatewayHostOptions
{
    /// <summary>The default port of <c>speechgate serve</c>.</summary>
    public const int DefaultPort = 5270;

    /// <summary>Address or host name to bind; loopback by default. Anything else needs at least one gateway key.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>Port to bind; 0 picks a free one (read it back from the started app's <c>Urls</c>).</summary>
    public int Port { get; set; } = DefaultPort;

    /// <summary>Data directory (gateway keys, cache, ledger); defaults to <see cref="SpeechGatePaths.DataDirectory"/>.</summary>
    public string DataDirectory { get; set; } = SpeechGatePaths.DataDirectory;

    /// <summary>Extra configuration layered over appsettings and environment variables (e.g. from the CLI or a test).</summary>
    public IConfiguration? Configuration { get; set; }

    /// <summary>Command-line arguments passed to the host builder.</summary>
    public IReadOnlyList<string> Args { get; set; } = [];

    /// <summary>How long shutdown waits for in-flight streams to finish.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest request body accepted, in bytes.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Requests each key (or client address, without keys) may make per <see cref="RateLimitWindow"/>.</summary>
    public int RateLimitPermits { get; set; } = 600;

    /// <summary>
    /// Answer repeats of requests already served from the cache before routing and the pipeline (the hot-hit path,
    /// <c>HotHits/</c>); false sends every request down the full path. Same answers, headers and ledger rows either way.
    /// </summary>
    public bool HotHits { get; set; } = true;

    /// <summary>The rate limit's replenishment window.</summary>
    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromMinutes(1);
}
