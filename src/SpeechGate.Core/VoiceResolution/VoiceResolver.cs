using SpeechGate.Synthesis;

namespace SpeechGate.VoiceResolution;

/// <summary>Turns the voice a request names (alias or id) into the stable id to send, then its fallbacks in order.</summary>
internal static class VoiceResolver
{
    /// <summary>The candidates for <paramref name="request"/>: the primary first; in dev mode, one local voice.</summary>
    /// <param name="configuration">Aliases and pins.</param>
    /// <param name="request">The request as the caller sent it.</param>
    /// <param name="devMode">Whether every request goes to the local provider.</param>
    /// <param name="devDefaultVoiceId">The local voice for anything <c>voices.yaml</c> does not map (the local provider's default).</param>
    public static IReadOnlyList<VoiceCandidate> Resolve(VoiceConfiguration configuration, SpeechRequest request, bool devMode, string? devDefaultVoiceId = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(request);
        var catalog = configuration.Catalog;
        var alias = catalog.Find(request.VoiceId);
        var local = string.Equals(request.Provider, VoiceIds.LocalProvider, StringComparison.Ordinal);
        if (devMode || local)
        {
            var devVoice = DevVoice(catalog, request.VoiceId, alias, mapUnknown: devMode, devDefaultVoiceId);
            if (devVoice is not null || devMode)
            {
                return [new VoiceCandidate(devVoice ?? alias?.VoiceId ?? request.VoiceId, request.VoiceId) { Provider = VoiceIds.LocalProvider, OverridesProvider = true }];
            }
        }

        var candidates = new List<VoiceCandidate> { Candidate(configuration, request.VoiceId) };
        if (alias is not null)
        {
            AddFallbacks(configuration, alias, candidates, new HashSet<string>(StringComparer.Ordinal) { alias.Name });
        }

        return candidates;
    }

    /// <summary>The stable id and defaults for one alias, <c>local:VOICE</c> or raw voice id.</summary>
    public static VoiceCandidate Candidate(VoiceConfiguration configuration, string name)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (VoiceIds.LocalVoice(name) is { } localVoice)
        {
            return new VoiceCandidate(localVoice, name) { Provider = VoiceIds.LocalProvider, OverridesProvider = true };
        }

        if (configuration.Catalog.Find(name) is { } alias)
        {
            var pin = configuration.Lock.Find(alias.Name) ?? configuration.Lock.Find(alias.VoiceId);
            return new VoiceCandidate(pin?.VoiceId ?? alias.VoiceId, name)
            {
                Provider = alias.Provider ?? pin?.Provider,
                ModelId = alias.ModelId,
                Settings = alias.Settings,
            };
        }

        var rawPin = configuration.Lock.Find(name);
        return new VoiceCandidate(rawPin?.VoiceId ?? name, name) { Provider = rawPin?.Provider };
    }

    private static void AddFallbacks(VoiceConfiguration configuration, VoiceAlias alias, List<VoiceCandidate> candidates, HashSet<string> seen)
    {
        foreach (var fallback in alias.Fallbacks)
        {
            if (!seen.Add(fallback))
            {
                continue;
            }

            // A fallback that names no provider speaks through the primary's (a pinned ElevenLabs voice falls back on ElevenLabs).
            var candidate = Candidate(configuration, fallback);
            candidate = candidate with { Provider = candidate.Provider ?? candidates[0].Provider };
            if (candidates.TrueForAll(existing => existing.VoiceId != candidate.VoiceId || existing.Provider != candidate.Provider))
            {
                candidates.Add(candidate);
            }

            if (configuration.Catalog.Find(fallback) is { } next)
            {
                AddFallbacks(configuration, next, candidates, seen);
            }
        }
    }

    private static string? DevVoice(VoiceCatalog catalog, string voiceId, VoiceAlias? alias, bool mapUnknown, string? devDefaultVoiceId)
    {
        var fallback = catalog.DevDefaultVoiceId ?? devDefaultVoiceId;
        if (alias is not null)
        {
            return alias.DevVoiceId ?? catalog.DevVoices.GetValueOrDefault(alias.Name) ?? catalog.DevVoices.GetValueOrDefault(alias.VoiceId) ?? fallback;
        }

        return catalog.DevVoices.GetValueOrDefault(voiceId) ?? (mapUnknown ? fallback : null);
    }
}
