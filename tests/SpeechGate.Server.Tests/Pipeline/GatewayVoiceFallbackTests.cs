using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SpeechGate.Server.Tests.Endpoints;
using SpeechGate.Testing.FakeElevenLabs;

namespace SpeechGate.Server.Tests.Pipeline;

/// <summary>voices.yaml through the gateway: a removed voice falls back, says so in a header, and shows in the health route.</summary>
public sealed class GatewayVoiceFallbackTests
{
    [Fact]
    public async Task PrimaryVoiceRemoved_FallbackSpeaksWithAHeaderAndHealthReportsItMissing()
    {
        var directory = Directory.CreateTempSubdirectory("speechgate-voices-").FullName;
        var file = Path.Combine(directory, "voices.yaml");
        await File.WriteAllTextAsync(file, $"voices:\n  narrator:\n    voice_id: {FakeVoiceCatalog.Sarah}\n    fallbacks: [backup]\n  backup:\n    voice_id: {FakeVoiceCatalog.George}\n");
        await using var pipeline = await PipelineGateway.StartAsync(new Dictionary<string, string?> { ["Voices:File"] = file });
        Assert.True(pipeline.Upstream.Account.Voices.TryRemove(FakeVoiceCatalog.Sarah, out _));

        using var response = await pipeline.Client.PostAsJsonAsync("/v1/text-to-speech/narrator", new { text = "Who is speaking?" });
        var audio = await response.Content.ReadAsByteArrayAsync();
        using var health = JsonDocument.Parse(await pipeline.Client.GetStringAsync("/v1/speechgate/voices/health"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(audio);
        Assert.False(string.IsNullOrEmpty(TextToSpeechEndpointsTests.Header(response, "x-speechgate-voice-fallback")));
        Assert.Contains($"/{FakeVoiceCatalog.George}", pipeline.UpstreamTts.Last(r => r.StatusCode == 200).Path, StringComparison.Ordinal);
        Assert.False(health.RootElement.GetProperty("healthy").GetBoolean());
        var narrator = health.RootElement.GetProperty("voices").EnumerateArray().Single(v => v.GetProperty("name").GetString() == "narrator");
        Assert.Equal(FakeVoiceCatalog.Sarah, narrator.GetProperty("voice_id").GetString());
        Assert.NotEqual("ok", narrator.GetProperty("status").GetString());
    }

    [Fact]
    public async Task BadVoicesYaml_StopsStartupWithOneLine()
    {
        var directory = Directory.CreateTempSubdirectory("speechgate-voices-").FullName;
        var file = Path.Combine(directory, "voices.yaml");
        await File.WriteAllTextAsync(file, "voices:\n  narrator:\n    voice_id: AAAAAAAAAAAAAAAAAAAA\n    fallbacks: [nosuch]\n");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => PipelineGateway.StartAsync(new Dictionary<string, string?> { ["Voices:File"] = file }));

        Assert.Contains("nosuch", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }
}
