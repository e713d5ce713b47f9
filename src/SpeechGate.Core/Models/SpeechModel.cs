namespace SpeechGate.Models;

/// <summary>A text-to-speech model: its per-request character limit and what a character costs.</summary>
/// <param name="ModelId">The wire id, e.g. <c>eleven_flash_v2_5</c>.</param>
/// <param name="Name">Display name.</param>
/// <param name="MaxCharactersPerRequest">The longest text one request may carry.</param>
/// <param name="CreditsPerCharacter">ElevenLabs' <c>model_rates.character_cost_multiplier</c>.</param>
/// <param name="Languages">ISO 639-1 codes the model speaks.</param>
public sealed record SpeechModel(string ModelId, string Name, int MaxCharactersPerRequest, double CreditsPerCharacter, IReadOnlyList<string> Languages)
{
    /// <summary>Credits a text of <paramref name="characters"/> characters costs on this model, rounded up.</summary>
    public int CreditsFor(int characters) => (int)Math.Ceiling(characters * CreditsPerCharacter);
}
