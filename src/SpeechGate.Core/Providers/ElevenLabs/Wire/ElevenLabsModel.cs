namespace SpeechGate.Providers.ElevenLabs.Wire;

/// <summary>An entry of <c>GET /v1/models</c>.</summary>
/// <param name="ModelId">The wire id.</param>
/// <param name="Name">Display name.</param>
/// <param name="Description">Free text.</param>
/// <param name="CanDoTextToSpeech">Whether TTS endpoints accept it.</param>
/// <param name="CanUseStyle">Whether <c>style</c> has an effect.</param>
/// <param name="CanUseSpeakerBoost">Whether <c>use_speaker_boost</c> has an effect.</param>
/// <param name="TokenCostFactor">Legacy cost factor.</param>
/// <param name="MaxCharactersRequestFreeUser">Per-request character limit on the free plan.</param>
/// <param name="MaxCharactersRequestSubscribedUser">Per-request character limit on paid plans.</param>
/// <param name="MaximumTextLengthPerRequest">Hard per-request text limit.</param>
/// <param name="Languages">Languages it speaks.</param>
/// <param name="ModelRates">Price: credits per character.</param>
/// <param name="ConcurrencyGroup">The concurrency pool it counts against.</param>
public sealed record ElevenLabsModel(
    string ModelId,
    string? Name = null,
    string? Description = null,
    bool CanDoTextToSpeech = false,
    bool CanUseStyle = false,
    bool CanUseSpeakerBoost = false,
    double? TokenCostFactor = null,
    int? MaxCharactersRequestFreeUser = null,
    int? MaxCharactersRequestSubscribedUser = null,
    int? MaximumTextLengthPerRequest = null,
    IReadOnlyList<ElevenLabsLanguage>? Languages = null,
    ElevenLabsModelRates? ModelRates = null,
    string? ConcurrencyGroup = null);
