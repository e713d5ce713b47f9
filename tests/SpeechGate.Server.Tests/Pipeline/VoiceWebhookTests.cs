using System.Net;
using System.Text;
using System.Text.Json;
using SpeechGate.Testing.FakeElevenLabs;
using SpeechGate.VoiceResolution;

namespace SpeechGate.Server.Tests.Pipeline;

/// <summary>ElevenLabs' signed workspace webhooks through the gateway: notices recorded, shown by the health route, withdrawn.</summary>
public sealed class VoiceWebhookTests
{
    private const string Secret = "whsec_gateway_test";

    [Fact]
    public async Task SignedNotice_ShowsInHealth_BadOrStaleSignatures_AreRefusedAndRecordNothing_WithdrawalClears()
    {
        var directory = Directory.CreateTempSubdirectory("speechgate-webhooks-").FullName;
        var voices = Path.Combine(directory, "voices.yaml");
        var notices = Path.Combine(directory, "voice-notices.json");
        await File.WriteAllTextAsync(voices, $"voices:\n  narrator:\n    voice_id: {FakeVoiceCatalog.Sarah}\n    fallbacks: [backup]\n  backup: {FakeVoiceCatalog.George}\n");
        await using var pipeline = await PipelineGateway.StartAsync(new Dictionary<string, string?>
        {
            ["Voices:File"] = voices,
            ["Voices:NoticesFile"] = notices,
            ["Voices:WebhookSecret"] = Secret,
        });
        var notice = Event("voice_removal_notice", FakeVoiceCatalog.Sarah);
        var now = TimeProvider.System.GetUtcNow();

        using var wrongSecret = await PostAsync(pipeline, notice, ElevenLabsWebhook.Sign(notice, "not-the-secret", now));
        using var stale = await PostAsync(pipeline, notice, ElevenLabsWebhook.Sign(notice, Secret, now.AddMinutes(-31)));
        using var unsigned = await PostAsync(pipeline, notice, signature: null);
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized], [wrongSecret.StatusCode, stale.StatusCode, unsigned.StatusCode]);
        using (var error = JsonDocument.Parse(await stale.Content.ReadAsStringAsync()))
        {
            Assert.Equal("invalid_signature", error.RootElement.GetProperty("detail").GetProperty("status").GetString());
        }

        Assert.False(File.Exists(notices));
        Assert.True(await HealthyAsync(pipeline));

        using var signed = await PostAsync(pipeline, notice, ElevenLabsWebhook.Sign(notice, Secret, now));
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        using (var health = JsonDocument.Parse(await pipeline.Client.GetStringAsync("/v1/speechgate/voices/health")))
        {
            Assert.False(health.RootElement.GetProperty("healthy").GetBoolean());
            var narrator = health.RootElement.GetProperty("voices").EnumerateArray().Single(v => v.GetProperty("name").GetString() == "narrator");
            Assert.Equal("removal_announced", narrator.GetProperty("status").GetString());
            Assert.Contains("removal announced for 2027-01-03", narrator.GetProperty("message").GetString(), StringComparison.Ordinal);
            Assert.Equal("backup", narrator.GetProperty("fallbacks")[0].GetString());
        }

        var withdrawal = Event("voice_removal_notice_withdrawn", FakeVoiceCatalog.Sarah);
        using var withdrawn = await PostAsync(pipeline, withdrawal, ElevenLabsWebhook.Sign(withdrawal, Secret, TimeProvider.System.GetUtcNow()));
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.True(await HealthyAsync(pipeline));

        var other = Encoding.UTF8.GetBytes("""{"type":"post_call_transcription","data":{}}""");
        using var ignored = await PostAsync(pipeline, other, ElevenLabsWebhook.Sign(other, Secret, TimeProvider.System.GetUtcNow()));
        var garbage = Encoding.UTF8.GetBytes("{not json");
        using var malformed = await PostAsync(pipeline, garbage, ElevenLabsWebhook.Sign(garbage, Secret, TimeProvider.System.GetUtcNow()));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.BadRequest), (ignored.StatusCode, malformed.StatusCode));
    }

    private static byte[] Event(string type, string voiceId)
        => Encoding.UTF8.GetBytes($$$"""{"type":"{{{type}}}","event_timestamp":1796212800,"data":{"voice_id":"{{{voiceId}}}","voice_name":"Sarah","removal_timestamp":1799000000}}""");

    private static async Task<HttpResponseMessage> PostAsync(PipelineGateway pipeline, byte[] body, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/speechgate/webhooks/elevenlabs") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation(ElevenLabsWebhook.SignatureHeader, signature);
        }

        return await pipeline.Client.SendAsync(request);
    }

    private static async Task<bool> HealthyAsync(PipelineGateway pipeline)
    {
        using var health = JsonDocument.Parse(await pipeline.Client.GetStringAsync("/v1/speechgate/voices/health?fresh=1"));
        return health.RootElement.GetProperty("healthy").GetBoolean();
    }
}
