using System.Text.Json.Serialization;

namespace SpeechGate.Server.Json;

/// <summary>Source-generated (de)serializers for request bodies: snake_case, strict types, unknown fields ignored.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(TextToSpeechBody))]
[JsonSerializable(typeof(OpenAISpeechBody))]
[JsonSerializable(typeof(VoiceSettingsBody))]
internal sealed partial class GatewayJsonContext : JsonSerializerContext;
