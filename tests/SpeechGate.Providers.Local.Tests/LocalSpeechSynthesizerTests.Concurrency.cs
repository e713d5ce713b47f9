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

    private static SpeechRequest[] MixedRequests()
        => [.. Enumerable.Range(0, 16).Select(i => LocalProvider.Request(Texts[i % 4], "pcm_22050", LocalVoices.IdFor(VoiceIdentifiers[i / 4])))];

    // eSpeak NG 1.51 is not bit-reproducible inside one process even sequentially: it keeps state across calls that
    // no API resets (pitch-flutter phase and gain control in wavegen.c, pause lengths), so the same text twice in a
    // row differs by a few samples to ~50 ms. So "the same bytes" cannot hold; what the lock guarantees, and what this
    // asserts, is that each parallel request gets exactly its own audio: same voice, text and rate as its sequential
    // twin, nothing of another request mixed in (the test below shows the comparison tells two requests apart).
    [Fact]
    public async Task SynthesizeAsync_16InParallel_MatchesThe16Sequential()
    {
        var requests = MixedRequests();
        var sequential = new List<short[]>();
        foreach (var request in requests)
        {
            sequential.Add(Pcm.From(await LocalProvider.SynthesizeAsync(request)));
        }

        var parallel = await Task.WhenAll(requests.Select(request => Task.Run(async () => Pcm.From(await LocalProvider.SynthesizeAsync(request)))));

        for (var i = 0; i < requests.Length; i++)
        {
            // Hidden engine state moves pauses by up to ~50 ms; another request's audio would add or remove seconds.
            Assert.InRange(parallel[i].Length, sequential[i].Length - 2205, sequential[i].Length + 2205);
            var r = Pcm.EnvelopeCorrelation(sequential[i], parallel[i]);
            Assert.True(r > 0.75, $"request {i} differs from its sequential twin: r={r:F3}");
        }
    }

    [Fact]
    public async Task SynthesizeAsync_DifferentRequests_AreToldApartByTheComparison()
    {
        var english = Pcm.From(await LocalProvider.SynthesizeAsync(LocalProvider.Request(Texts[2], "pcm_22050")));
        var german = Pcm.From(await LocalProvider.SynthesizeAsync(LocalProvider.Request(Texts[2], "pcm_22050", LocalVoices.IdFor("gmw/de"))));

        var r = Pcm.EnvelopeCorrelation(english, german);

        Assert.True(r < 0.5, $"r={r:F3}");
    }
}
