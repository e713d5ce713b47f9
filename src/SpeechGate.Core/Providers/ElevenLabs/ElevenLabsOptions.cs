using System.ComponentModel.DataAnnotations;

namespace SpeechGate.Providers.ElevenLabs;

/// <summary>ElevenLabs provider settings (configuration section <c>Providers:ElevenLabs</c>).</summary>
/// <remarks>
/// The key comes from <c>ELEVENLABS_API_KEY</c> and the base URL from <c>ELEVENLABS_BASE_URL</c> when set; both override
/// the section. The key is never logged.
/// </remarks>
public sealed class ElevenLabsOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Providers:ElevenLabs";

    /// <summary>The voice used when a command or an estimate names none: "George", the premade voice of ElevenLabs' quickstart.</summary>
    public const string DefaultVoiceId = "JBFqnCBsd6RMkjVDRZzb";

    /// <summary>The environment variable holding the API key.</summary>
    public const string ApiKeyVariable = "ELEVENLABS_API_KEY";

    /// <summary>The environment variable holding the base URL.</summary>
    public const string BaseUrlVariable = "ELEVENLABS_BASE_URL";

    /// <summary>The production REST host.</summary>
    public static Uri DefaultBaseUrl { get; } = new("https://api.elevenlabs.io");

    /// <summary>The <c>xi-api-key</c>; keep it in the environment or user secrets, never in appsettings.json.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The REST host, without <c>/v1</c>; a path prefix is kept.</summary>
    public Uri BaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary>The plan (free, starter, creator, pro, scale, business, enterprise); decides the default concurrency.</summary>
    public string Tier { get; set; } = "free";

    /// <summary>Concurrent requests allowed on Multilingual/v3-class models; null means the plan's limit.</summary>
    [Range(1, 1000)]
    public int? MaxConcurrentRequests { get; set; }

    /// <summary>Concurrent requests allowed on Flash/Turbo models; null means the plan's limit.</summary>
    [Range(1, 1000)]
    public int? MaxConcurrentFastRequests { get; set; }

    /// <summary>Retries after the first attempt (the official SDKs use 2).</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 2;

    /// <summary>First backoff delay; doubles per attempt, with jitter.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between attempts, including a server's <c>Retry-After</c>.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Time to wait for the response headers (the SDKs use 240 s).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(240);

    /// <summary>The account id used in cache keys: a hash of the key, never the key itself.</summary>
    public string Tenant => ElevenLabsTenant.FromApiKey(ApiKey);

    /// <summary>Whether a key is configured (section, or <c>ELEVENLABS_API_KEY</c>): without one the provider can only fail.</summary>
    public static bool IsConfigured(Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return !string.IsNullOrWhiteSpace(configuration[$"{SectionName}:ApiKey"]
            ?? configuration[ApiKeyVariable]
            ?? Environment.GetEnvironmentVariable(ApiKeyVariable));
    }
}
