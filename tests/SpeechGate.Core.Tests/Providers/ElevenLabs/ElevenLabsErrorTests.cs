using SpeechGate.Audio;
using SpeechGate.Synthesis;
using SpeechGate.Testing.FakeElevenLabs;

namespace SpeechGate.Providers.ElevenLabs;

public sealed class ElevenLabsErrorTests
{
    private const string Rachel = FakeVoiceCatalog.Rachel;

    [Theory]
    [InlineData(FakeErrorFormat.Legacy)]
    [InlineData(FakeErrorFormat.Current)]
    public async Task SynthesizeAsync_UnknownVoice_Throws404VoiceNotFound(FakeErrorFormat format)
    {
        await using var harness = await ElevenLabsHarness.StartAsync();
        harness.Fake.Behavior.ErrorFormat = format;

        var error = await Assert.ThrowsAsync<ElevenLabsException>(() => harness.Synthesizer.SynthesizeAsync(new SpeechRequest("Hi.", "nope")));

        Assert.Equal(404, error.StatusCode);
        Assert.Equal("voice_not_found", error.Status);
        Assert.Equal("A voice with the voice_id nope was not found.", error.Message);
        Assert.Equal("trace_000001", error.RequestId);
        Assert.Equal(format == FakeErrorFormat.Current ? "not_found" : null, error.Type);
        Assert.Equal(format == FakeErrorFormat.Current ? "voice_id" : null, error.Param);
        Assert.IsAssignableFrom<SpeechException>(error);
    }

    [Fact]
    public async Task SynthesizeAsync_WrongKey_Throws401InvalidApiKeyInCurrentFormat()
    {
        await using var harness = await ElevenLabsHarness.StartAsync(apiKey: "sk_wrong");

        var error = await Assert.ThrowsAsync<ElevenLabsException>(() => harness.Synthesizer.SynthesizeAsync(new SpeechRequest("Hi.", Rachel)));

        Assert.Equal((401, "invalid_api_key", "unauthorized", "authentication_error"), (error.StatusCode, error.Status, error.Code, error.Type));
        Assert.Single(harness.Fake.Requests);
    }

    [Fact]
    public async Task SynthesizeAsync_NoKeyConfigured_Throws401NeedsAuthorizationWithoutCalling()
    {
        await using var harness = await ElevenLabsHarness.StartAsync(apiKey: null);

        var error = await Assert.ThrowsAsync<ElevenLabsException>(() => harness.Synthesizer.SynthesizeAsync(new SpeechRequest("Hi.", Rachel)));

        Assert.Equal((401, "needs_authorization"), (error.StatusCode, error.Status));
        Assert.Empty(harness.Fake.Requests);
    }

    [Fact]
    public async Task SynthesizeAsync_QuotaExhausted_Throws401QuotaExceededAndIsNotRetried()
    {
        await using var harness = await ElevenLabsHarness.StartAsync();
        harness.Fake.Account.CharacterLimit = 10_000;
        harness.Fake.Account.SetCharacterCount(10_000);

        var error = await Assert.ThrowsAsync<ElevenLabsException>(() => harness.Synthesizer.SynthesizeAsync(new SpeechRequest(new string('x', 91), Rachel)));

        Assert.Equal((401, "quota_exceeded"), (error.StatusCode, error.Status));
        Assert.Equal("This request exceeds your quota of 10000. You have 0 credits remaining, while 91 credits are required for this request.", error.Message);
        Assert.False(error.IsTransient);
        Assert.Single(harness.Fake.Requests);
    }

    [Fact]
    public async Task SynthesizeAsync_LibraryVoiceOnFreePlan_Throws402PaidPlanRequired()
    {
        await using var harness = await ElevenLabsHarness.StartAsync();
        harness.Fake.Account.Tier = "free";
        harness.Fake.Behavior.ErrorFormat = FakeErrorFormat.Current;

        var error = await Assert.ThrowsAsync<ElevenLabsException>(() => harness.Synthesizer.SynthesizeAsync(new SpeechRequest("Hi.", FakeVoiceCatalog.LibraryNarrator)));

        Assert.Equal((402, "payment_required", "paid_plan_required"), (error.StatusCode, error.Status, error.Code));
    }

    [Fact]
    public async Task SynthesizeAsync_FormatAboveTier_Throws403OutputFormatNotAllowed()
    {
        await using var harness = await ElevenLabsHarness.StartAsync();

        var error = await Assert.ThrowsAsync<ElevenLabsException>(() => harness.Synthesizer.SynthesizeAsync(new SpeechRequest("Hi.", Rachel) { Format = AudioFormat.Parse("pcm_44100") }));

        Assert.Equal((403, "output_format_not_allowed"), (error.StatusCode, error.Status));
        Assert.Equal("Requested output format pcm_44100 is only allowed for Pro tier and above.", error.Message);
    }

    [Fact]
    public async Task SynthesizeAsync_SchemaViolation_Throws422WithValidationErrors()
    {
        await using var harness = await ElevenLabsHarness.StartAsync();

        var error = await Assert.ThrowsAsync<ElevenLabsException>(() => harness.Synthesizer.SynthesizeAsync(
            new SpeechRequest("Hi.", Rachel) { VoiceSettings = new VoiceSettings { Stability = 2, SimilarityBoost = -1 } }));

        Assert.Equal((422, "invalid_parameters", "validation_error"), (error.StatusCode, error.Status, error.Type));
        Assert.Equal(["body.voice_settings.stability", "body.voice_settings.similarity_boost"], error.ValidationErrors.Select(e => e.Location));
        Assert.Equal("stability", error.Param);
    }

    [Fact]
    public async Task SynthesizeAsync_TextOverModelLimit_Throws400MaxCharacterLimitExceeded()
    {
        await using var harness = await ElevenLabsHarness.StartAsync();

        var error = await Assert.ThrowsAsync<ElevenLabsException>(() => harness.Synthesizer.SynthesizeAsync(new SpeechRequest(new string('a', 5_001), Rachel) { ModelId = "eleven_v3" }));

        Assert.Equal((400, "max_character_limit_exceeded"), (error.StatusCode, error.Status));
        Assert.Equal(0, harness.Fake.BilledCharacters);
    }

    [Fact]
    public async Task SynthesizeAsync_ConcurrencyVersusBusy_BothAre429ButOnlyOneIsTheConcurrencyLimit()
    {
        await using var harness = await ElevenLabsHarness.StartAsync(s => s["Providers:ElevenLabs:MaxRetries"] = "0");
        harness.Fake.Behavior.ErrorFormat = FakeErrorFormat.Current;
        harness.Fake.Enqueue(FakeFault.TooManyConcurrentRequests());
        harness.Fake.Enqueue(FakeFault.SystemBusy(TimeSpan.FromSeconds(1)));

        var concurrency = await Assert.ThrowsAsync<ElevenLabsException>(() => harness.Synthesizer.SynthesizeAsync(new SpeechRequest("Hi.", Rachel)));
        var busy = await Assert.ThrowsAsync<ElevenLabsException>(() => harness.Synthesizer.SynthesizeAsync(new SpeechRequest("Hi.", Rachel)));

        Assert.Equal((429, "too_many_concurrent_requests", "concurrent_limit_exceeded", true), (concurrency.StatusCode, concurrency.Status, concurrency.Code, concurrency.IsConcurrencyLimit));
        Assert.Equal((429, "system_busy", "rate_limit_exceeded", false), (busy.StatusCode, busy.Status, busy.Code, busy.IsConcurrencyLimit));
        Assert.Equal(TimeSpan.FromSeconds(1), busy.RetryAfter);
    }

    [Fact]
    public async Task SynthesizeAsync_ServerErrorWithoutRetries_Throws500SomethingWentWrong()
    {
        await using var harness = await ElevenLabsHarness.StartAsync(s => s["Providers:ElevenLabs:MaxRetries"] = "0");
        harness.Fake.Enqueue(FakeFault.ServerError());

        var error = await Assert.ThrowsAsync<ElevenLabsException>(() => harness.Synthesizer.SynthesizeAsync(new SpeechRequest("Hi.", Rachel)));

        Assert.Equal((500, "something_went_wrong", true), (error.StatusCode, error.Status, error.IsTransient));
        Assert.StartsWith("We are sorry, something went wrong.", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, harness.Fake.BilledCharacters);
    }
}
