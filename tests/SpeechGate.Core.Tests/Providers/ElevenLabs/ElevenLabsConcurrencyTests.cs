using SpeechGate.Audio;
using SpeechGate.Synthesis;
using SpeechGate.Testing.FakeElevenLabs;

namespace SpeechGate.Providers.ElevenLabs;

public sealed class ElevenLabsConcurrencyTests
{
    private const string Rachel = FakeVoiceCatalog.Rachel;

    [Fact]
    public async Task SynthesizeAsync_ManyAtOnce_StaysUnderTheAccountLimitWithNo429()
    {
        await using var harness = await ElevenLabsHarness.StartAsync(s => s["Providers:ElevenLabs:MaxConcurrentRequests"] = "2");
        harness.Fake.Behavior.ConcurrencyLimit = 2;
        harness.Fake.Behavior.ChunkSize = 256;
        harness.Fake.Behavior.ChunkInterval = TimeSpan.FromMilliseconds(5);
        var request = new SpeechRequest(new string('b', 30), Rachel) { Format = AudioFormat.Parse("mp3_22050_32") };

        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => ElevenLabsSpeechSynthesizerTests.ReadAsync(harness, request)));

        Assert.Equal(6, harness.Fake.Requests.Count);
        Assert.All(harness.Fake.Requests, r => Assert.Equal(200, r.StatusCode));
        Assert.InRange(harness.Fake.Concurrency.Peak, 1, 2);
    }

    [Fact]
    public async Task SynthesizeAsync_TooManyConcurrent_WaitsForOneOfOursToFinishInsteadOfHammering()
    {
        // We believe the plan allows 3; the account really allows 2 (another replica, or a smaller plan).
        await using var harness = await ElevenLabsHarness.StartAsync(s =>
        {
            s["Providers:ElevenLabs:MaxConcurrentRequests"] = "3";
            s["Providers:ElevenLabs:MaxRetries"] = "1";
        });
        harness.Fake.Behavior.ConcurrencyLimit = 2;
        harness.Fake.Behavior.ChunkSize = 256;
        harness.Fake.Behavior.ChunkInterval = TimeSpan.FromMilliseconds(20);
        var request = new SpeechRequest(new string('c', 30), Rachel) { Format = AudioFormat.Parse("mp3_22050_32") };

        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => ElevenLabsSpeechSynthesizerTests.ReadAsync(harness, request)));

        var requests = harness.Fake.Requests;
        var rejected = Assert.Single(requests, r => r.StatusCode == 429);
        Assert.Equal("too_many_concurrent_requests", rejected.ErrorStatus);
        var retry = requests.Single(r => r.Sequence > rejected.Sequence && r.StatusCode == 200 && requests.Count(x => x.StatusCode == 200 && x.Sequence < r.Sequence) == 2);
        var firstFinished = requests.Where(r => r.Sequence < rejected.Sequence).Min(r => harness.Fake.Timeline.IndexOf($"sent-last:{r.Sequence}"));
        Assert.True(harness.Fake.Timeline.IndexOf($"request:{retry.Sequence}") > firstFinished, "the retry was sent before any of our requests freed a slot");
    }

    [Theory]
    [InlineData("free", null, 2)]
    [InlineData("free", "eleven_flash_v2_5", 4)]
    [InlineData("creator", "eleven_multilingual_v2", 5)]
    [InlineData("pro", "eleven_turbo_v2", 20)]
    [InlineData("business", "eleven_v3", 15)]
    public void For_PlanAndModel_ReturnsTheDocumentedLimit(string tier, string? model, int expected)
        => Assert.Equal(expected, ElevenLabsConcurrencyDefaults.For(tier, model));
}
