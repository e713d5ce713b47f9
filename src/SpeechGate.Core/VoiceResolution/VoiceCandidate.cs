using SpeechGate.Synthesis;

namespace SpeechGate.VoiceResolution;

/// <summary>One voice a request may be sent with: the primary, or a fallback.</summary>
/// <param name="VoiceId">The stable id to send.</param>
/// <param name="Label">What the request or fallback list named (alias or id), for logs and reports.</param>
internal sealed record VoiceCandidate(string VoiceId, string Label)
{
    /// <summary>Provider to use; null keeps the request's.</summary>
    public string? Provider { get; init; }

    /// <summary>Model default from the alias.</summary>
    public string? ModelId { get; init; }

    /// <summary>Settings defaults from the alias.</summary>
    public VoiceSettings? Settings { get; init; }

    /// <summary>Whether this candidate moves the request to another provider (a <c>local:</c> fallback or dev mode).</summary>
    public bool OverridesProvider { get; init; }

    /// <summary>The request to send: alias defaults fill what the request leaves unset.</summary>
    public SpeechRequest Apply(SpeechRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = (request.VoiceSettings, Settings) switch
        {
            (null, var fromAlias) => fromAlias,
            (var fromRequest, null) => fromRequest,
            (var fromRequest, var fromAlias) => Merge(fromRequest, fromAlias),
        };
        return request with
        {
            VoiceId = VoiceId,
            Provider = OverridesProvider ? Provider : request.Provider ?? Provider,
            ModelId = OverridesProvider ? ModelId : request.ModelId ?? ModelId,
            VoiceSettings = settings,
        };
    }

    private static VoiceSettings Merge(VoiceSettings request, VoiceSettings alias) => new()
    {
        Stability = request.Stability ?? alias.Stability,
        SimilarityBoost = request.SimilarityBoost ?? alias.SimilarityBoost,
        Style = request.Style ?? alias.Style,
        UseSpeakerBoost = request.UseSpeakerBoost ?? alias.UseSpeakerBoost,
        Speed = request.Speed ?? alias.Speed,
    };
}
