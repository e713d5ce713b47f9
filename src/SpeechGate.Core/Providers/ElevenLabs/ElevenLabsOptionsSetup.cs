using Microsoft.Extensions.Configuration;

namespace SpeechGate.Providers.ElevenLabs;

/// <summary>Binds <see cref="ElevenLabsOptions"/>: the configuration section first, then the environment overrides.</summary>
internal static class ElevenLabsOptionsSetup
{
    public static void Apply(ElevenLabsOptions options, IConfiguration? configuration)
    {
        configuration?.GetSection(ElevenLabsOptions.SectionName).Bind(options);
        var key = configuration?[ElevenLabsOptions.ApiKeyVariable] ?? Environment.GetEnvironmentVariable(ElevenLabsOptions.ApiKeyVariable);
        if (!string.IsNullOrWhiteSpace(key))
        {
            options.ApiKey = key.Trim();
        }

        var baseUrl = configuration?[ElevenLabsOptions.BaseUrlVariable] ?? Environment.GetEnvironmentVariable(ElevenLabsOptions.BaseUrlVariable);
        if (!string.IsNullOrWhiteSpace(baseUrl) && Uri.TryCreate(baseUrl.Trim(), UriKind.Absolute, out var uri))
        {
            options.BaseUrl = uri;
        }
    }

    public static bool IsValid(ElevenLabsOptions options)
        => options.BaseUrl.IsAbsoluteUri
            && options.MaxConcurrentRequests is null or > 0
            && options.MaxConcurrentFastRequests is null or > 0
            && options.MaxRetries >= 0
            && options.RetryDelay >= TimeSpan.Zero
            && options.MaxRetryDelay >= options.RetryDelay
            && options.Timeout > TimeSpan.Zero;
}
