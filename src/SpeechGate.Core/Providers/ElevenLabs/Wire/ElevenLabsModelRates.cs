namespace SpeechGate.Providers.ElevenLabs.Wire;

/// <summary>A model's price.</summary>
/// <param name="CharacterCostMultiplier">Credits per character (0.5 for Flash/Turbo).</param>
/// <param name="CostDiscountMultiplier">Discount applied on top (1.0 = none).</param>
public sealed record ElevenLabsModelRates(double CharacterCostMultiplier, double CostDiscountMultiplier = 1.0);
