using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SpeechGate.Audio;

namespace SpeechGate.Testing.FakeElevenLabs;

/// <summary>Schema checks of a TTS request, as upstream does them: before authentication, all reported at once as 422.</summary>
internal static class FakeTtsRequestParser
{
    public static FakeTtsRequest? Parse(string body, IQueryCollection query, List<FakeValidationIssue> issues)
    {
        var format = CheckQuery(query, issues);
        JsonObject? json = null;
        try
        {
            json = JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
        }

        if (json is null)
        {
            issues.Add(new(["body"], "JSON decode error", "json_invalid"));
            return null;
        }

        var text = RequireString(json, "text", issues);
        var model = OptionalString(json, "model_id", issues);
        CheckVoiceSettings(json["voice_settings"], issues);
        var seed = CheckInteger(json, "seed", 0, uint.MaxValue, issues);
        CheckArray(json, "pronunciation_dictionary_locators", 3, issues);
        CheckArray(json, "previous_request_ids", 3, issues);
        CheckArray(json, "next_request_ids", 3, issues);
        if (OptionalString(json, "apply_text_normalization", issues) is { } normalization && normalization is not ("auto" or "on" or "off"))
        {
            issues.Add(new(["body", "apply_text_normalization"], "Input should be 'auto', 'on' or 'off'", "enum"));
        }

        return issues.Count > 0 || text is null || format is null
            ? null
            : new FakeTtsRequest(text, model ?? "eleven_multilingual_v2", format, json["voice_settings"]?.ToJsonString() ?? string.Empty, seed);
    }

    private static AudioFormat? CheckQuery(IQueryCollection query, List<FakeValidationIssue> issues)
    {
        var name = query["output_format"].FirstOrDefault() ?? "mp3_44100_128";
        if (!AudioFormat.TryParse(name, out var format))
        {
            issues.Add(new(["query", "output_format"], $"Input should be one of: {string.Join(", ", AudioFormat.AllNames)}", "enum"));
        }

        if (query["enable_logging"].FirstOrDefault() is { } logging && logging is not ("true" or "false"))
        {
            issues.Add(new(["query", "enable_logging"], "Input should be a valid boolean", "bool_parsing"));
        }

        if (query["optimize_streaming_latency"].FirstOrDefault() is { } latency && !(int.TryParse(latency, out var value) && value is >= 0 and <= 4))
        {
            issues.Add(new(["query", "optimize_streaming_latency"], "Input should be between 0 and 4", "int_parsing"));
        }

        return format;
    }

    private static string? RequireString(JsonObject json, string name, List<FakeValidationIssue> issues)
    {
        if (!json.ContainsKey(name))
        {
            issues.Add(new(["body", name], "Field required", "missing"));
            return null;
        }

        return OptionalString(json, name, issues) ?? Null(name, issues);
    }

    private static string? Null(string name, List<FakeValidationIssue> issues)
    {
        issues.Add(new(["body", name], "Input should be a valid string", "string_type"));
        return null;
    }

    private static string? OptionalString(JsonObject json, string name, List<FakeValidationIssue> issues)
    {
        var node = json[name];
        if (node is null)
        {
            return null;
        }

        if (node.GetValueKind() != JsonValueKind.String)
        {
            issues.Add(new(["body", name], "Input should be a valid string", "string_type"));
            return null;
        }

        return node.GetValue<string>();
    }

    private static long? CheckInteger(JsonObject json, string name, long min, long max, List<FakeValidationIssue> issues)
    {
        var node = json[name];
        if (node is null)
        {
            return null;
        }

        if (node.GetValueKind() != JsonValueKind.Number || !long.TryParse(node.ToJsonString(), out var value) || value < min || value > max)
        {
            issues.Add(new(["body", name], $"Input should be an integer between {min} and {max}", "int_type"));
            return null;
        }

        return value;
    }

    private static void CheckArray(JsonObject json, string name, int maxItems, List<FakeValidationIssue> issues)
    {
        var node = json[name];
        if (node is not null && (node is not JsonArray array || array.Count > maxItems))
        {
            issues.Add(new(["body", name], $"List should have at most {maxItems} items", "too_long"));
        }
    }

    private static void CheckVoiceSettings(JsonNode? node, List<FakeValidationIssue> issues)
    {
        if (node is null)
        {
            return;
        }

        if (node is not JsonObject settings)
        {
            issues.Add(new(["body", "voice_settings"], "Input should be an object", "model_type"));
            return;
        }

        foreach (var (name, max) in new[] { ("stability", 1.0), ("similarity_boost", 1.0), ("style", 1.0), ("speed", 4.0) })
        {
            if (settings[name] is { } value && (value.GetValueKind() != JsonValueKind.Number || value.GetValue<double>() is < 0 || value.GetValue<double>() > max))
            {
                issues.Add(new(["body", "voice_settings", name], $"Input should be a number between 0 and {max}", "float_type"));
            }
        }

        if (settings["use_speaker_boost"] is { } boost && boost.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
        {
            issues.Add(new(["body", "voice_settings", "use_speaker_boost"], "Input should be a valid boolean", "bool_type"));
        }
    }
}
