using SpeechGate.Synthesis;

namespace SpeechGate.Server.Hosting;

/// <summary>The innermost stage of the gateway's pipeline: a request about to reach a provider takes a provider-call token of its key.</summary>
internal sealed class ProviderRateLimitingSpeechSynthesizer(ISpeechSynthesizer inner, GatewayRateLimits limits) : DelegatingSpeechSynthesizer(inner)
{
    public override Task<SpeechAudio> SynthesizeAsync(SpeechRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return limits.TryAcquireProviderCall(request.AccountId)
            ? base.SynthesizeAsync(request, cancellationToken)
            : Task.FromException<SpeechAudio>(new SpeechException(429, "system_busy", GatewayRateLimits.Message) { Type = "rate_limit_error" });
    }
}
