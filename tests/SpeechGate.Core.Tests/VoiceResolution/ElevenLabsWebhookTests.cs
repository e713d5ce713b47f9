using System.Text;
using System.Text.Json;
using SpeechGate.VoiceResolution;

namespace SpeechGate.Core.Tests.VoiceResolution;

public sealed class ElevenLabsWebhookTests
{
    private const string Secret = "wsec_test_1234";
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"type":"voice_removal_notice","event_timestamp":1796212800,"data":{"voice_id":"lib_narrator_01","voice_name":"Narrator","removal_timestamp":1799000000}}""");

    [Fact]
    public void Signed_WithinTolerance_Verifies()
    {
        var header = ElevenLabsWebhook.Sign(Body, Secret, Now.AddMinutes(-29));

        Assert.Null(ElevenLabsWebhook.Verify(header, Body, Secret, Now));
        Assert.StartsWith($"t={Now.AddMinutes(-29).ToUnixTimeSeconds()},v0=", header, StringComparison.Ordinal);
    }

    [Fact]
    public void WrongSecret_TamperedBody_Stale_Unsigned_AreRefused()
    {
        var header = ElevenLabsWebhook.Sign(Body, Secret, Now);
        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Body).Replace("lib_narrator_01", "someone_else", StringComparison.Ordinal));

        Assert.Contains("does not match", ElevenLabsWebhook.Verify(header, Body, "another-secret", Now), StringComparison.Ordinal);
        Assert.Contains("does not match", ElevenLabsWebhook.Verify(header, tampered, Secret, Now), StringComparison.Ordinal);
        Assert.Contains("31 minutes", ElevenLabsWebhook.Verify(ElevenLabsWebhook.Sign(Body, Secret, Now.AddMinutes(-31)), Body, Secret, Now), StringComparison.Ordinal);
        Assert.Contains("not signed", ElevenLabsWebhook.Verify(null, Body, Secret, Now), StringComparison.Ordinal);
        Assert.Contains("t=<unix seconds>", ElevenLabsWebhook.Verify("v0=abc", Body, Secret, Now), StringComparison.Ordinal);
        Assert.Contains("no webhook secret", ElevenLabsWebhook.Verify(header, Body, null, Now), StringComparison.Ordinal);
    }

    [Fact]
    public void VoiceEvents_AreRead_OtherEventsIgnored_NonEventsThrow()
    {
        var (type, notice) = ElevenLabsWebhook.ReadVoiceEvent(Body, Now)!.Value;

        Assert.Equal(VoiceWebhookEvents.RemovalNotice, type);
        Assert.Equal(("lib_narrator_01", "Narrator"), (notice.VoiceId, notice.VoiceName));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1799000000), notice.RemovalAt);
        Assert.StartsWith("removal announced for 2027-01-03", notice.Describe(), StringComparison.Ordinal);
        Assert.Null(ElevenLabsWebhook.ReadVoiceEvent("""{"type":"post_call_transcription","data":{}}"""u8.ToArray(), Now));
        Assert.Throws<JsonException>(() => ElevenLabsWebhook.ReadVoiceEvent("""{"type":"voice_removed","data":{}}"""u8.ToArray(), Now));
        Assert.ThrowsAny<JsonException>(() => ElevenLabsWebhook.ReadVoiceEvent("not json"u8.ToArray(), Now));
    }
}
