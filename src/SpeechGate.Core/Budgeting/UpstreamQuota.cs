using Microsoft.Extensions.Logging;
using SpeechGate.Synthesis;

namespace SpeechGate.Budgeting;

/// <summary>
/// Tracks one provider account's quota from its subscription endpoint plus what this process has spent and holds
/// since, and refuses locally what the account cannot afford.
/// </summary>
public sealed partial class UpstreamQuota(
    string providerName, Func<CancellationToken, Task<QuotaSnapshot>> readSubscription, TimeProvider time, ILogger<UpstreamQuota> logger,
    TimeSpan? refreshInterval = null) : IUpstreamQuota
{
    private readonly Lock _gate = new();
    private readonly TimeSpan _refresh = refreshInterval ?? TimeSpan.FromSeconds(30);
    private QuotaSnapshot? _snapshot;
    private DateTimeOffset _readAt;
    private long _spentSinceRead;
    private long _held;

    /// <summary>The last subscription read, adjusted for what was spent since; null before the first read.</summary>
    public QuotaSnapshot? Current
    {
        get
        {
            lock (_gate)
            {
                return _snapshot is null ? null : _snapshot with { Used = _snapshot.Used + _spentSinceRead };
            }
        }
    }

    /// <inheritdoc/>
    public async Task<QuotaHold?> HoldAsync(string provider, long credits, CancellationToken cancellationToken = default)
    {
        if (!string.Equals(provider, providerName, StringComparison.Ordinal))
        {
            return null;
        }

        await RefreshIfStaleAsync(cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            if (_snapshot is { } snapshot)
            {
                var remaining = snapshot.Limit - snapshot.Used - _spentSinceRead - _held;
                if (credits > remaining)
                {
                    throw new QuotaExceededException(Math.Max(0, remaining), credits,
                        $"This request exceeds your quota of {snapshot.Limit}. You have {Math.Max(0, remaining)} credits remaining, while {credits} credits are required for this request. (Refused by SpeechGate before calling {providerName}.)");
                }
            }

            _held += credits;
        }

        return new QuotaHold(credits, Complete);
    }

    private void Complete(long held, long billed)
    {
        lock (_gate)
        {
            _held -= held;
            _spentSinceRead += billed;
        }
    }

    /// <summary>Reads the subscription if the last read is stale, and returns <see cref="Current"/>.</summary>
    public async Task<QuotaSnapshot?> GetCurrentAsync(CancellationToken cancellationToken = default)
    {
        await RefreshIfStaleAsync(cancellationToken).ConfigureAwait(false);
        return Current;
    }

    private async Task RefreshIfStaleAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (_snapshot is not null && now - _readAt < _refresh)
            {
                return;
            }
        }

        try
        {
            var snapshot = await readSubscription(cancellationToken).ConfigureAwait(false);
            lock (_gate)
            {
                (_snapshot, _readAt, _spentSinceRead) = (snapshot, now, 0);
            }
        }
        catch (Exception error) when (error is HttpRequestException or SpeechException or TaskCanceledException)
        {
            // The quota is a courtesy check: when it cannot be read, the provider still enforces it.
            LogQuotaUnreadable(logger, providerName, error.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the {Provider} quota: {Reason}")]
    private static partial void LogQuotaUnreadable(ILogger logger, string provider, string reason);
}
