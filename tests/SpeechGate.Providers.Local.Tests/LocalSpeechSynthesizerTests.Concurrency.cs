using SpeechGate.Providers.Local.Tests.Support;
using SpeechGate.Synthesis;

namespace SpeechGate.Providers.Local.Tests;

public sealed partial class LocalSpeechSynthesizerTests
{
    private static readonly string[] Texts =
    [
        "Short one.",
        "A somewhat longer sentence, with a comma in the middle of it.",
        "Numbers like 42 and 1999 are read out. Then a second sentence follows.",
        "Quiet.",
    ];

    private static readonly string[] VoiceIdentifiers = ["gmw/en-US", "gmw/en", "gmw/de", "roa/fr"];

    private static readonly string[] Formats = ["pcm_22050", "mp3_44100_128", "opus_48000_64", "ulaw_8000"];

    // 16 requests: every text with every voice, the formats rotating so each voice gets all four.
    private static SpeechRequest[] MixedRequests()
        => [.. Enumerable.Range(0, 16).Select(i => LocalProvider.Request(
            Texts[i % 4], Formats[(i + (i / 4)) % 4], LocalVoices.IdFor(VoiceIdentifiers[i / 4])))];

    // Each request runs on its own freshly loaded engine copy, so the audio depends on the request alone: parallel
    // runs on distinct copies, sequential runs reusing copies, and encoders (fresh per request) all give the same bytes.
    [Fact]
    public async Task SynthesizeAsync_16InParallel_AreByteIdenticalToThe16Sequential()
    {
        var requests = MixedRequests();
        var sequential = new List<byte[]>();
        foreach (var request in requests)
        {
            sequential.Add(await LocalProvider.SynthesizeAsync(request));
        }

        var parallel = await Task.WhenAll(requests.Select(request => Task.Run(() => LocalProvider.SynthesizeAsync(request))));

        for (var i = 0; i < requests.Length; i++)
        {
            Assert.NotEmpty(sequential[i]);
            Assert.True(sequential[i].AsSpan().SequenceEqual(parallel[i]), $"request {i} ({requests[i].Format}) differs from its sequential twin");
        }
    }

    [Theory]
    [InlineData("pcm_22050")]
    [InlineData("mp3_44100_128")]
    [InlineData("opus_48000_64")]
    public async Task SynthesizeAsync_SameRequestTwiceInARow_IsByteIdentical(string format)
    {
        var request = LocalProvider.Request(Texts[2], format);

        var first = await LocalProvider.SynthesizeAsync(request);
        var second = await LocalProvider.SynthesizeAsync(request);

        Assert.NotEmpty(first);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task SynthesizeAsync_DifferentVoices_GiveDifferentSpeech()
    {
        var english = Pcm.From(await LocalProvider.SynthesizeAsync(LocalProvider.Request(Texts[2], "pcm_22050")));
        var german = Pcm.From(await LocalProvider.SynthesizeAsync(LocalProvider.Request(Texts[2], "pcm_22050", LocalVoices.IdFor("gmw/de"))));

        var r = Pcm.EnvelopeCorrelation(english, german);

        Assert.True(r < 0.5, $"r={r:F3}");
    }

    [Fact]
    public async Task DisposeAsync_AbandonedStreams_FreeTheirEngineCopies()
    {
        var synthesizer = LocalProvider.CreateSynthesizer();

        // Twice as many responses as engine copies, each read to its first chunk, then disposed without finishing or
        // disposing the enumeration: the responses must hand their copies back, or the next request waits forever.
        for (var i = 0; i < Environment.ProcessorCount * 2; i++)
        {
            var audio = await synthesizer.SynthesizeAsync(LocalProvider.Request(FiveSentences, "mp3_44100_128"));
            var enumerator = audio.Chunks.GetAsyncEnumerator();
            Assert.True(await enumerator.MoveNextAsync());
            await audio.DisposeAsync();
        }

        // The timeout only turns a hang into a failure; it is no timing assertion.
        var next = await LocalProvider.SynthesizeAsync(LocalProvider.Request("Free again.")).WaitAsync(TimeSpan.FromMinutes(1));
        Assert.NotEmpty(next);
    }
}
