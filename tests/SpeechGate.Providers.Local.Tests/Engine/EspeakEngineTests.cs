using SpeechGate.Providers.Local.Engine;

namespace SpeechGate.Providers.Local.Tests.Engine;

public sealed class EspeakEngineTests
{
    private const string First = "The first copy speaks this sentence.";
    private const string Second = "Das zweite Exemplar spricht diesen Satz.";

    // Two leases held at once (the pool has at least two copies on any machine with two cores) are two loaded copies with separate globals: interleaving them changes nothing.
    [Fact]
    public async Task AcquireAsync_TwoLeasesHeldAtOnce_AreIndependentCopies()
    {
        var engine = EspeakEngine.Shared;
        short[] aloneFirst, aloneSecond;
        using (var lease = await engine.AcquireAsync(null, 2, CancellationToken.None))
        {
            var first = lease.Synthesize(First, "gmw/en-US", 175, CancellationToken.None).Samples;
            aloneFirst = [.. first, .. lease.Synthesize(Second, "gmw/en-US", 175, CancellationToken.None).Samples];
        }

        using (var lease = await engine.AcquireAsync(null, 2, CancellationToken.None))
        {
            aloneSecond = lease.Synthesize(Second, "gmw/de", 140, CancellationToken.None).Samples;
        }

        using var a = await engine.AcquireAsync(null, 2, CancellationToken.None);
        using var b = await engine.AcquireAsync(null, 2, CancellationToken.None);
        var a1 = a.Synthesize(First, "gmw/en-US", 175, CancellationToken.None).Samples;
        var b1 = b.Synthesize(Second, "gmw/de", 140, CancellationToken.None).Samples;
        var a2 = a.Synthesize(Second, "gmw/en-US", 175, CancellationToken.None).Samples;

        short[] interleaved = [.. a1, .. a2];
        Assert.Equal(aloneFirst, interleaved);
        Assert.Equal(aloneSecond, b1);
    }
}
