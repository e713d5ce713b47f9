using System.Security.Cryptography.X509Certificates;
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

    /// <summary>The gateway's HTTP settings; configuration (section <c>Gateway</c>) overrides what is set here.</summary>
    public GatewayOptions Gateway { get; set; } = new();

    /// <summary>Shorthand for <see cref="GatewayOptions.ShutdownTimeout"/>.</summary>
    public TimeSpan ShutdownTimeout { get => Gateway.ShutdownTimeout; set => Gateway.ShutdownTimeout = value; }

    /// <summary>Shorthand for <see cref="GatewayOptions.MaxRequestBodyBytes"/>.</summary>
    public long MaxRequestBodyBytes { get => Gateway.MaxRequestBodyBytes; set => Gateway.MaxRequestBodyBytes = value; }

    /// <summary>Shorthand for <see cref="GatewayOptions.RateLimitPermits"/>.</summary>
    public int RateLimitPermits { get => Gateway.RateLimitPermits; set => Gateway.RateLimitPermits = value; }

    /// <summary>Shorthand for <see cref="GatewayOptions.ProviderRateLimitPermits"/>.</summary>
    public int ProviderRateLimitPermits { get => Gateway.ProviderRateLimitPermits; set => Gateway.ProviderRateLimitPermits = value; }

    /// <summary>Shorthand for <see cref="GatewayOptions.HotHits"/>.</summary>
    public bool HotHits { get => Gateway.HotHits; set => Gateway.HotHits = value; }

    /// <summary>Shorthand for <see cref="GatewayOptions.RateLimitWindow"/>.</summary>
    public TimeSpan RateLimitWindow { get => Gateway.RateLimitWindow; set => Gateway.RateLimitWindow = value; }

    /// <summary>The TLS certificate to serve HTTPS and <c>wss://</c> with; null serves plain HTTP (<see cref="GatewayCertificates"/>).</summary>
    public X509Certificate2? Certificate { get; set; }
}
