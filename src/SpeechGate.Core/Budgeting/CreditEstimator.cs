using System.Globalization;
using Microsoft.Extensions.Options;
using SpeechGate.Models;
using SpeechGate.Synthesis;

namespace SpeechGate.Budgeting;

/// <summary>Prices a request before it is sent: billable characters × the model's credits per character.</summary>
public sealed class CreditEstimator(IOptions<BudgetOptions> options, SpeechRequestResolver requests, IModelRateSource? rates = null)
{
    /// <summary>Characters as ElevenLabs counts them: Unicode scalar values (Python's <c>len</c>), not UTF-16 units.</summary>
    public static int CountCharacters(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var count = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            count++;
        }

        return count;
    }

    /// <summary>Makes sure the provider's published rates are loaded (and not stale) before pricing.</summary>
    public ValueTask RefreshRatesAsync(CancellationToken cancellationToken = default)
        => rates?.RefreshIfStaleAsync(cancellationToken) ?? ValueTask.CompletedTask;

    /// <summary>The provider a request goes to (<see cref="SpeechRequestResolver.ProviderOf"/>).</summary>
    public string ProviderOf(SpeechRequest request) => requests.ProviderOf(request);

    /// <summary>
    /// Credits per character of <paramref name="modelId"/> (null: the default model): configured override, then the
    /// provider's published rate, then the offline table, then <see cref="BudgetOptions.UnknownModelMultiplier"/>.
    /// </summary>
    public double MultiplierOf(string? modelId)
    {
        if (modelId is not null && options.Value.ModelMultipliers.TryGetValue(modelId, out var configured))
        {
            return configured;
        }

        if (rates is not null && rates.TryGetMultiplier(modelId ?? KnownModels.Default.ModelId, out var published))
        {
            return published;
        }

        return KnownModels.Find(modelId)?.CreditsPerCharacter ?? options.Value.UnknownModelMultiplier;
    }

    /// <summary>Exact credits the request will cost, rounded up; 0 on a free provider.</summary>
    public int EstimateCredits(SpeechRequest request)
    {
        if (options.Value.FreeProviders.Contains(ProviderOf(request)))
        {
            return 0;
        }

        return (int)Math.Ceiling(CountCharacters(request.Text) * MultiplierOf(request.ModelId));
    }

    /// <summary>Approximate minutes of audio (ElevenLabs' rule of thumb: 1,000 characters ≈ 1 minute).</summary>
    public static double EstimateMinutes(int characters) => Math.Round(characters / 1000.0, 2, MidpointRounding.AwayFromZero);

    /// <summary>A short description for messages, e.g. "120 characters × 0.5".</summary>
    public string Describe(SpeechRequest request)
        => string.Create(CultureInfo.InvariantCulture, $"{CountCharacters(request.Text)} characters × {MultiplierOf(request.ModelId)}");
}
