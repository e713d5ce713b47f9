using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SpeechGate.Audio;

namespace SpeechGate.Testing.FakeElevenLabs;

/// <summary>Voice design: previews from a description, then keeping one as a voice.</summary>
/// <remarks>Whether design bills credits is UNVERIFIED; the fake bills nothing for it.</remarks>
internal sealed class FakeTextToVoiceEndpoints(FakeElevenLabsServer server)
{
    public Task DesignAsync(HttpContext context, FakeElevenLabsRequest record)
    {
        var body = JsonNode.Parse(record.Body.Length == 0 ? "{}" : record.Body) as JsonObject;
        var description = body?["voice_description"]?.GetValue<string>();
        if (description is null)
        {
            return FakeErrorWriter.WriteValidationAsync(context, [new(["body", "voice_description"], "Field required", "missing")], record);
        }

        var formatName = context.Request.Query["output_format"].FirstOrDefault() ?? "mp3_44100_192";
        if (!AudioFormat.TryParse(formatName, out var format) || !format.IsStreamable)
        {
            return FakeErrorWriter.WriteValidationAsync(context, [new(["query", "output_format"], "Input should be a streamable output format", "enum")], record);
        }

        var text = body?["text"]?.GetValue<string>() ?? "Hello! This is a preview of the voice you designed, speaking a sentence long enough to judge its tone.";
        var previews = new JsonArray();
        for (var i = 0; i < 3; i++)
        {
            var generatedId = $"gen_{record.Sequence:D4}_{i}";
            server.Account.GeneratedVoices[generatedId] = description;
            previews.Add(new JsonObject
            {
                ["audio_base_64"] = Convert.ToBase64String(FakeAudio.Bytes(description + i.ToString(CultureInfo.InvariantCulture), format, 0.25)),
                ["generated_voice_id"] = generatedId,
                ["media_type"] = format.MediaType,
                ["duration_secs"] = 0.25,
                ["language"] = "en",
            });
        }

        return FakeElevenLabsServer.WriteJsonAsync(context, new JsonObject { ["previews"] = previews, ["text"] = text });
    }

    public Task CreateAsync(HttpContext context, FakeElevenLabsRequest record)
    {
        var body = JsonNode.Parse(record.Body.Length == 0 ? "{}" : record.Body) as JsonObject;
        var missing = new[] { "voice_name", "voice_description", "generated_voice_id" }
            .Where(name => body?[name] is null)
            .Select(name => new FakeValidationIssue(["body", name], "Field required", "missing"))
            .ToList();
        if (missing.Count > 0)
        {
            return FakeErrorWriter.WriteValidationAsync(context, missing, record);
        }

        var generatedId = body!["generated_voice_id"]!.GetValue<string>();
        if (!server.Account.GeneratedVoices.TryRemove(generatedId, out _))
        {
            // The status string for an unknown preview is UNVERIFIED.
            return server.WriteErrorAsync(context, new FakeError(404, "generated_voice_not_found", $"No generated voice with id {generatedId}."), record);
        }

        var voice = new FakeVoice("designed_" + generatedId, body["voice_name"]!.GetValue<string>(), "generated")
        {
            Description = body["voice_description"]!.GetValue<string>(),
        };
        server.Account.Voices[voice.VoiceId] = voice;
        return FakeElevenLabsServer.WriteJsonAsync(context, FakeJson.Voice(voice));
    }
}
