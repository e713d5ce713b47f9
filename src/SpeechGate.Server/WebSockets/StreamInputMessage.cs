using System.Text.Json;
using SpeechGate.Server.Endpoints.TextToSpeech;
using SpeechGate.Server.Json;
using SpeechGate.Synthesis;

namespace SpeechGate.Server.WebSockets;

/// <summary>One client message on stream-input: text, flags, and (first message only) settings and key.</summary>
internal sealed record StreamInputMessage(string? Text, bool Flush, bool TryTriggerGeneration)
{
    public VoiceSettings? VoiceSettings { get; init; }

    public IReadOnlyList<int> ChunkLengthSchedule { get; init; } = [];

    public IReadOnlyList<PronunciationDictionaryLocator>? PronunciationDictionaryLocators { get; init; }

    /// <summary><c>xi-api-key</c> (schema), <c>xi_api_key</c> (docs examples) or <c>authorization</c> (bearer).</summary>
    public string? ApiKey { get; init; }

    /// <summary>Parses a message; throws <see cref="JsonException"/> when it is not a JSON object of the right types.</summary>
    public static StreamInputMessage Parse(ReadOnlySpan<byte> utf8)
    {
        using var document = JsonDocument.Parse(utf8.ToArray());
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("A message must be a JSON object.");
        }

        return new StreamInputMessage(String(root, "text"), Bool(root, "flush"), Bool(root, "try_trigger_generation"))
        {
            VoiceSettings = root.TryGetProperty("voice_settings", out var settings) && settings.ValueKind == JsonValueKind.Object
                ? TextToSpeechRequestReader.Map(settings.Deserialize(GatewayJsonContext.Default.VoiceSettingsBody))
                : null,
            ChunkLengthSchedule = Schedule(root),
            PronunciationDictionaryLocators = root.TryGetProperty("pronunciation_dictionary_locators", out var locators) && locators.ValueKind == JsonValueKind.Array
                ? [.. locators.EnumerateArray().Select(l => new PronunciationDictionaryLocator(l.GetProperty("pronunciation_dictionary_id").GetString()!, String(l, "version_id")))]
                : null,
            ApiKey = String(root, "xi-api-key") ?? String(root, "xi_api_key") ?? Bearer(String(root, "authorization")),
        };
    }

    public static string? Bearer(string? authorization)
        => authorization is null ? null
            : authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization[7..].Trim() : authorization;

    private static IReadOnlyList<int> Schedule(JsonElement root)
    {
        if (!root.TryGetProperty("generation_config", out var config) || config.ValueKind != JsonValueKind.Object
            || !config.TryGetProperty("chunk_length_schedule", out var schedule) || schedule.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return [.. schedule.EnumerateArray().Select(item => Math.Clamp((int)item.GetDouble(), 50, 500))];
    }

    private static string? String(JsonElement element, string name)
        => element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : throw new JsonException($"'{name}' must be a string.")
            : null;

    private static bool Bool(JsonElement element, string name)
        => element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;
}
