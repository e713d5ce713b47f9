using System.Net;
using SpeechGate.Server.Tests.Pipeline;
using SpeechGate.Testing.FakeElevenLabs;

namespace SpeechGate.Server.Tests.Observability;

/// <summary>
/// The workload issue 18 asks for, over real HTTP through the real gateway: misses on two models and both upstream
/// routes, repeats (a full-path hit, then hot hits), a regeneration of a script line, and an upstream error.
/// </summary>
internal static class ScriptedWorkload
{
    public const string Project = "promo";
    public const string MissingVoice = "gone0000000000000000";

    public static async Task RunAsync(PipelineGateway pipeline, string clientKey)
    {
        var tts = $"/v1/text-to-speech/{FakeVoiceCatalog.Rachel}";
        await SendAsync(pipeline, tts + "/stream", """{"text":"Welcome back to the show.","model_id":"eleven_flash_v2_5"}""", clientKey, "intro");
        await SendAsync(pipeline, tts + "?output_format=wav_22050", """{"text":"A convert take, read to the end.","model_id":"eleven_multilingual_v2"}""", clientKey, "outro");
        await SendAsync(pipeline, tts, """{"text":"Cached after one purchase.","model_id":"eleven_flash_v2_5"}""", clientKey, "teaser");
        await pipeline.WaitForEntriesAsync(3);
        for (var i = 0; i < 4; i++)
        {
            // The first repeat is a full-path hit; it teaches the hot-hit index, so the rest are answered there.
            await SendAsync(pipeline, tts, """{"text":"Cached after one purchase.","model_id":"eleven_flash_v2_5"}""", clientKey, "teaser");
        }

        // A new take of line "intro": paid again, a regeneration.
        await SendAsync(pipeline, tts + "/stream", """{"text":"Welcome back to our show!","model_id":"eleven_flash_v2_5"}""", clientKey, "intro");

        using var error = await pipeline.Client.SendAsync(PipelineGateway.Post($"/v1/text-to-speech/{MissingVoice}", """{"text":"Nobody speaks this."}""",
            ("xi-api-key", clientKey), ("x-speechgate-project", Project)));
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
    }

    private static async Task SendAsync(PipelineGateway pipeline, string path, string json, string key, string line)
    {
        using var response = await pipeline.Client.SendAsync(PipelineGateway.Post(path, json,
            ("xi-api-key", key), ("x-speechgate-project", Project), ("x-speechgate-line-id", line)));
        _ = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
