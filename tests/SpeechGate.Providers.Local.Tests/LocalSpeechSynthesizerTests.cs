using SpeechGate.Providers.Local.Tests.Support;
using SpeechGate.Synthesis;

namespace SpeechGate.Providers.Local.Tests;

public sealed partial class LocalSpeechSynthesizerTests
{
    private const string FiveSentences =
        "The first sentence is short. The second one follows it. A third arrives now! Is this the fourth? The fifth ends it.";

    [Fact]
    public async Task SynthesizeAsync_UnknownVoice_Throws404()
    {
        var synthesizer = LocalProvider.CreateSynthesizer();

        var error = await Assert.ThrowsAsync<VoiceNotFoundException>(() => synthesizer.SynthesizeAsync(LocalProvider.Request("Hello.", voiceId: "AAAAAAAAAAAAAAAAAAAA")));

        Assert.Equal(404, error.StatusCode);
        Assert.Equal("voice_not_found", error.Status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t")]
    public async Task SynthesizeAsync_EmptyText_Throws422OnText(string text)
    {
        var synthesizer = LocalProvider.CreateSynthesizer();

        var error = await Assert.ThrowsAsync<InvalidSpeechRequestException>(() => synthesizer.SynthesizeAsync(LocalProvider.Request(text)));

        Assert.Equal(422, error.StatusCode);
        Assert.Equal("text", error.Param);
    }

    [Fact]
    public async Task SynthesizeAsync_AnyModel_BillsNothingAndGivesAFreshRequestIdEachCall()
    {
        var synthesizer = LocalProvider.CreateSynthesizer();
        var request = LocalProvider.Request("Hello there.", "mp3_44100_128") with { ModelId = "eleven_v3" };

        await using var first = await synthesizer.SynthesizeAsync(request);
        await using var second = await synthesizer.SynthesizeAsync(request);

        Assert.Equal(0, first.BilledCharacters);
        Assert.Equal("audio/mpeg", first.MediaType);
        Assert.Equal(LocalVoices.DefaultVoiceId, first.ResolvedVoiceId);
        Assert.False(string.IsNullOrEmpty(first.RequestId));
        Assert.NotEqual(first.RequestId, second.RequestId);
        Assert.NotEmpty(await first.ReadAllBytesAsync());
    }

    [Fact]
    public async Task SynthesizeAsync_FasterSpeed_GivesAShorterClip()
    {
        var fast = await LocalProvider.SynthesizeAsync(LocalProvider.Request(LocalProvider.Sentence) with { VoiceSettings = new VoiceSettings { Speed = 1.2 } });
        var slow = await LocalProvider.SynthesizeAsync(LocalProvider.Request(LocalProvider.Sentence) with { VoiceSettings = new VoiceSettings { Speed = 0.8 } });

        Assert.True(fast.Length < slow.Length * 0.85, $"1.2x gave {fast.Length} bytes, 0.8x gave {slow.Length}.");
    }

    [Fact]
    public async Task SynthesizeAsync_SpeedBelowTheEnginesSlowestRate_IsSlowedFurtherByLibsonic()
    {
        var slowest = await LocalProvider.SynthesizeAsync(LocalProvider.Request(LocalProvider.Sentence) with { VoiceSettings = new VoiceSettings { Speed = 80.0 / 175 } });
        var quarter = await LocalProvider.SynthesizeAsync(LocalProvider.Request(LocalProvider.Sentence) with { VoiceSettings = new VoiceSettings { Speed = 0.25 } });
        var fourfold = await LocalProvider.SynthesizeAsync(LocalProvider.Request(LocalProvider.Sentence) with { VoiceSettings = new VoiceSettings { Speed = 4.0 } });

        // 0.25 is 80 words per minute stretched to 0.547 of its speed: about 1.8 times as long as the engine's slowest.
        Assert.True(quarter.Length > slowest.Length * 1.5, $"0.25x gave {quarter.Length} bytes, 0.457x gave {slowest.Length}.");
        Assert.True(fourfold.Length * 4 < slowest.Length, $"4x gave {fourfold.Length} bytes, 0.457x gave {slowest.Length}.");
    }

    [Theory]
    [InlineData(0.25, 0.546875)]
    [InlineData(0.5, 1.0)]
    [InlineData(null, 1.0)]
    public void Tempo_BelowEightyWordsPerMinute_IsTheRemainingFactor(double? speed, double tempo)
        => Assert.Equal(tempo, LocalSpeechSynthesizer.Tempo(speed), 6);

    [Theory]
    [InlineData(null, 175)]
    [InlineData(1.2, 210)]
    [InlineData(0.1, 80)]
    [InlineData(4.0, 700)]
    [InlineData(9.0, 990)]
    public void ToRate_Speed_MapsTo175WordsPerMinuteTimesSpeedWithinTheEnginesRange(double? speed, int rate)
        => Assert.Equal(rate, LocalSpeechSynthesizer.ToRate(speed));

    [Fact]
    public void ToRate_NonPositiveSpeed_Throws422()
        => Assert.Equal("voice_settings.speed", Assert.Throws<InvalidSpeechRequestException>(() => LocalSpeechSynthesizer.ToRate(0)).Param);

    [Fact]
    public async Task SynthesizeAsync_Streaming_YieldsTheFirstChunkBeforeTheLastSentenceIsSynthesised()
    {
        var synthesizer = LocalProvider.CreateSynthesizer();
        var synthesised = 0;
        synthesizer.SentenceSynthesized += _ => Interlocked.Increment(ref synthesised);
        var atFirstChunk = -1;
        var chunks = 0;

        await using var audio = await synthesizer.SynthesizeAsync(LocalProvider.Request(FiveSentences, "mp3_44100_128"));
        await foreach (var chunk in audio.Chunks)
        {
            if (chunks++ == 0)
            {
                atFirstChunk = Volatile.Read(ref synthesised);
            }
        }

        Assert.Equal(1, atFirstChunk);
        Assert.Equal(5, synthesised);
        Assert.True(chunks >= 5);
    }

    [Fact]
    public async Task DisposeAsync_MidStream_StopsSynthesisAndReleasesTheEngine()
    {
        var synthesizer = LocalProvider.CreateSynthesizer();
        var synthesised = 0;
        synthesizer.SentenceSynthesized += _ => Interlocked.Increment(ref synthesised);
        var text = string.Concat(Enumerable.Repeat(FiveSentences + " ", 6));

        var audio = await synthesizer.SynthesizeAsync(LocalProvider.Request(text, "opus_48000_64"));
        await using (var enumerator = audio.Chunks.GetAsyncEnumerator())
        {
            Assert.True(await enumerator.MoveNextAsync());
            await audio.DisposeAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await enumerator.MoveNextAsync());
        }

        Assert.Equal(1, synthesised);
        Assert.NotEmpty(await LocalProvider.SynthesizeAsync(LocalProvider.Request("The engine is free again.")));
    }
}
