using System.Collections.Frozen;
using SpeechGate.Budgeting;

namespace SpeechGate.Providers.ElevenLabs;

/// <summary>Credits per character as <c>GET /v1/models</c> publishes them (<c>model_rates.character_cost_multiplier</c>).</summary>
/// <remarks>
/// Read on first use and again after <see cref="RefreshInterval"/>; until a read succeeds the estimator falls back to
/// the offline table. A failed read is not retried before the interval either, so an outage costs one call per hour.
/// </remarks>
internal sealed class ElevenLabsModelPrices(IServiceProvider services, TimeProvider time) : IModelRateSource, IDisposable
{
    /// <summary>How long published rates are trusted.</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromHours(1);

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private FrozenDictionary<string, double> _rates = FrozenDictionary<string, double>.Empty;
    private DateTimeOffset? _lastAttempt;

    /// <inheritdoc/>
    public async ValueTask RefreshIfStaleAsync(CancellationToken cancellationToken = default)
    {
        if (_lastAttempt is { } last && time.GetUtcNow() - last < RefreshInterval)
        {
            return;
        }

        await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_lastAttempt is null || time.GetUtcNow() - _lastAttempt.Value >= RefreshInterval)
            {
                _lastAttempt = time.GetUtcNow();
                await RefreshAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <summary>Reads the models endpoint; returns false (keeping what it had) when it cannot.</summary>
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var client = (ElevenLabsClient?)services.GetService(typeof(ElevenLabsClient));
            if (client is null)
            {
                return false;
            }

            var models = await client.GetModelsAsync(cancellationToken).ConfigureAwait(false);
            _rates = models.Where(m => m.ModelRates is not null)
                .ToFrozenDictionary(m => m.ModelId, m => m.ModelRates!.CharacterCostMultiplier * m.ModelRates.CostDiscountMultiplier, StringComparer.Ordinal);
            return true;
        }
        catch (Exception error) when (error is HttpRequestException or Synthesis.SpeechException or TaskCanceledException)
        {
            return false;
        }
    }

    /// <inheritdoc/>
    public bool TryGetMultiplier(string modelId, out double multiplier) => _rates.TryGetValue(modelId, out multiplier);

    /// <inheritdoc/>
    public void Dispose() => _refresh.Dispose();
}
