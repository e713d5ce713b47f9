using System.Text.Json.Serialization;

namespace SpeechGate.Providers.ElevenLabs.Wire;

/// <summary>Source-generated, snake_case JSON for every ElevenLabs body; nulls are never written.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(TextToSpeechBody))]
[JsonSerializable(typeof(TimestampedAudioBody))]
[JsonSerializable(typeof(ElevenLabsVoice))]
[JsonSerializable(typeof(ElevenLabsVoiceList))]
[JsonSerializable(typeof(ElevenLabsVoicePage))]
[JsonSerializable(typeof(ElevenLabsSharedVoicePage))]
[JsonSerializable(typeof(AddSharedVoiceBody))]
[JsonSerializable(typeof(ElevenLabsVoiceIdResult))]
[JsonSerializable(typeof(ElevenLabsStatusResult))]
[JsonSerializable(typeof(ElevenLabsVoiceDesignRequest))]
[JsonSerializable(typeof(ElevenLabsVoiceDesign))]
[JsonSerializable(typeof(ElevenLabsCreateVoiceRequest))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, string>))]
[JsonSerializable(typeof(IReadOnlyList<ElevenLabsModel>))]
[JsonSerializable(typeof(ElevenLabsUser))]
[JsonSerializable(typeof(ElevenLabsSubscription))]
internal sealed partial class ElevenLabsJsonContext : JsonSerializerContext;
