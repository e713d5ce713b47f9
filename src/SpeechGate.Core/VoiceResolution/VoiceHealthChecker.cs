namespace SpeechGate.VoiceResolution;

/// <summary>Checks that every pinned, aliased and recently used voice still exists upstream and is usable.</summary>
/// <remarks>
/// Read-only: it never rewrites the lockfile. Safe to run periodically from the server: each run polls every voice
/// (<c>GET /v1/voices/{id}</c>, sharing status), so a removal whose webhook was missed is still caught within the
/// interval. Removal notices received by the webhook route mark the voices they name.
/// </remarks>
public sealed class VoiceHealthChecker(IVoiceUpstream upstream, VoiceConfigurationStore store, TimeProvider time, RecentVoiceLog? recentVoices = null, VoiceNoticeStore? notices = null)
{
    /// <summary>Checks every voice and returns the report.</summary>
    public async Task<VoiceHealthReport> CheckAsync(CancellationToken cancellationToken = default)
    {
        var configuration = store.Current;
        var entries = new List<VoiceHealthEntry>();
        var checkedIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, pin) in configuration.Lock.Pins)
        {
            if (IsUpstream(pin.Provider))
            {
                entries.Add(await CheckPinAsync(key, pin, cancellationToken).ConfigureAwait(false));
                checkedIds.Add(pin.VoiceId);
            }
        }

        foreach (var alias in configuration.Catalog.Aliases.Values)
        {
            if (configuration.Lock.Find(alias.Name) is null && IsUpstream(alias.Provider) && checkedIds.Add(alias.VoiceId))
            {
                entries.Add(await CheckUnpinnedAsync(alias.Name, alias.VoiceId, "alias", loadBearing: true, cancellationToken).ConfigureAwait(false));
            }
        }

        foreach (var recent in recentVoices?.Voices ?? [])
        {
            if (IsUpstream(recent.Provider) && checkedIds.Add(recent.VoiceId))
            {
                entries.Add(await CheckUnpinnedAsync(recent.Label, recent.VoiceId, "recent", loadBearing: false, cancellationToken).ConfigureAwait(false));
            }
        }

        return new VoiceHealthReport(time.GetUtcNow(), [.. entries.Select(entry => Annotate(entry, configuration))]);
    }

    // Ownership, fallbacks, dependents and removal notices: what `voices check --json` plans with.
    private VoiceHealthEntry Annotate(VoiceHealthEntry entry, VoiceConfiguration configuration)
    {
        var pin = entry.Source == "pin" ? configuration.Lock.Find(entry.Name) : null;
        var alias = configuration.Catalog.Find(entry.Name);
        var ownership = pin is not null
            ? pin.OriginalVoiceId != pin.VoiceId ? VoiceOwnership.PinnedCopy
                : pin.Category is "cloned" or "generated" or "professional" && pin.Owner is null ? VoiceOwnership.Owned
                : pin.Category == "premade" ? VoiceOwnership.Premade
                : VoiceOwnership.Pinned
            : entry.Status is VoiceHealthStatus.Unpinned or VoiceHealthStatus.Unshared ? VoiceOwnership.Library
            : entry.Category is "cloned" or "generated" or "professional" ? VoiceOwnership.Owned
            : entry.Category == "premade" ? VoiceOwnership.Premade
            : VoiceOwnership.Unknown;
        var dependents = configuration.Catalog.Aliases.Values
            .Where(other => other.Name != entry.Name && (other.VoiceId == entry.Name || other.VoiceId == entry.VoiceId || other.Fallbacks.Contains(entry.Name) || other.Fallbacks.Contains(entry.VoiceId)))
            .Select(other => other.Name)
            .Order(StringComparer.Ordinal)
            .ToList();
        entry = entry with { Ownership = ownership, Fallbacks = alias?.Fallbacks ?? [], DependedOnBy = dependents };

        if (notices?.Find(entry.VoiceId, pin?.OriginalVoiceId) is not { } notice)
        {
            return entry;
        }

        var users = dependents.Count == 0 ? "" : $"; {string.Join(", ", dependents)} depend{(dependents.Count == 1 ? "s" : "")} on it";
        return entry with
        {
            Status = notice.Removed ? VoiceHealthStatus.Missing : VoiceHealthStatus.RemovalAnnounced,
            RemovalAt = notice.RemovalAt,
            Message = $"{entry.Name} ({entry.VoiceId}): {notice.Describe()}{users}.",
        };
    }

    private bool IsUpstream(string? provider) => provider is null || provider == upstream.Provider;

    private async Task<VoiceHealthEntry> CheckPinAsync(string key, VoicePin pin, CancellationToken cancellationToken)
    {
        var voice = await upstream.GetVoiceAsync(pin.VoiceId, cancellationToken).ConfigureAwait(false);
        var entry = new VoiceHealthEntry(key, pin.VoiceId, VoiceHealthStatus.Ok, "pin", LoadBearing: true) { Category = voice?.Category };
        if (voice is null)
        {
            return entry with { Status = VoiceHealthStatus.Missing, Message = $"pinned voice {pin.VoiceId} ({pin.Name ?? key}) no longer exists." };
        }

        if (!voice.InMyVoices && voice.IsUnshared)
        {
            return entry with { Status = VoiceHealthStatus.Unshared, Message = $"{pin.VoiceId} was unshared by its publisher and is not in My Voices." };
        }

        if (!string.Equals(voice.Category, pin.Category, StringComparison.Ordinal))
        {
            return entry with { Status = VoiceHealthStatus.CategoryChanged, PinnedCategory = pin.Category, Message = $"category changed from {pin.Category} to {voice.Category}." };
        }

        if (pin.OriginalVoiceId != pin.VoiceId
            && await upstream.GetVoiceAsync(pin.OriginalVoiceId, cancellationToken).ConfigureAwait(false) is not { IsUnshared: false })
        {
            return entry with { Status = VoiceHealthStatus.OriginalGone, Message = $"library voice {pin.OriginalVoiceId} was removed or unshared; the pinned copy still works." };
        }

        return entry;
    }

    private async Task<VoiceHealthEntry> CheckUnpinnedAsync(string name, string voiceId, string source, bool loadBearing, CancellationToken cancellationToken)
    {
        var voice = await upstream.GetVoiceAsync(voiceId, cancellationToken).ConfigureAwait(false);
        var entry = new VoiceHealthEntry(name, voiceId, VoiceHealthStatus.Ok, source, loadBearing) { Category = voice?.Category };
        return voice switch
        {
            null => entry with { Status = VoiceHealthStatus.Missing, Message = $"voice {voiceId} no longer exists." },
            { InMyVoices: false, IsUnshared: true } => entry with { Status = VoiceHealthStatus.Unshared, Message = $"library voice {voiceId} was unshared by its publisher." },
            { IsLibraryVoice: true } => entry with { Status = VoiceHealthStatus.Unpinned, Message = $"library voice {voiceId} can vanish; run `speechgate voices pin {name}`." },
            _ => entry,
        };
    }
}
