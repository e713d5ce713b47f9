using System.Collections.Frozen;
using SpeechGate.Budgeting;

namespace SpeechGate.Providers.ElevenLabs;

/// <summary>Credits per character as <c>GET /v1/models</c> publishes them (<c>model_rates.character_cost_multiplier</c>).</summary>
/// <remarks>Empty until <see cref="RefreshAsync"/> succeeds; the estimator then falls back to the offline table.</remarks>
public sealed class ElevenLabsModelPrices(IServiceProvider services) : IModelRateSource
{
    private FrozenDictionary<string, double> _rates = FrozenDictionary<string, double>.Empty;

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
}
