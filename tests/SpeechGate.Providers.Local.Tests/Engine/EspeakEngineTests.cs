using SpeechGate.Providers.Local.Engine;

namespace SpeechGate.Providers.Local.Tests.Engine;

public sealed class EspeakEngineTests
{
    private const string First = "The first copy speaks this sentence.";
    private const string Second = "Das zweite Exemplar spricht diesen Satz.";
    private const string Long = "Chapter two, part seven: the narrator reads on while the quick brown fox jumps over the lazy dog, and the evening grows late.";

    // Two leases held at once (the pool has at least two copies on any machine with two cores) are two loaded copies with separate globals: interleaving them changes nothing.
    [Fact]
    public async Task AcquireAsync_TwoLeasesHeldAtOnce_AreIndependentCopies()
    {
        var engine = EspeakEngine.Shared;
        using var samples = new SampleBuffer();
        using var other = new SampleBuffer();
        short[] aloneFirst, aloneSecond;
        using (var lease = await engine.AcquireAsync(null, 2, CancellationToken.None))
        {
            var first = lease.Synthesize(First, "gmw/en-US", 175, samples, CancellationToken.None).Samples.ToArray();
            aloneFirst = [.. first, .. lease.Synthesize(Second, "gmw/en-US", 175, samples, CancellationToken.None).Samples.ToArray()];
        }

        using (var lease = await engine.AcquireAsync(null, 2, CancellationToken.None))
        {
            aloneSecond = lease.Synthesize(Second, "gmw/de", 140, samples, CancellationToken.None).Samples.ToArray();
        }

        using var a = await engine.AcquireAsync(null, 2, CancellationToken.None);
        using var b = await engine.AcquireAsync(null, 2, CancellationToken.None);
        var a1 = a.Synthesize(First, "gmw/en-US", 175, samples, CancellationToken.None).Samples.ToArray();
        var b1 = b.Synthesize(Second, "gmw/de", 140, other, CancellationToken.None).Samples.ToArray();
        var a2 = a.Synthesize(Second, "gmw/en-US", 175, samples, CancellationToken.None).Samples.ToArray();

        short[] interleaved = [.. a1, .. a2];
        Assert.Equal(aloneFirst, interleaved);
        Assert.Equal(aloneSecond, b1);
    }

    // The engine fills the response's buffer sentence after sentence: one array, sized by the longest sentence, however many follow.
    [Fact]
    public async Task Synthesize_ManySentencesIntoOneBuffer_ReusesOneArraySizedByTheLongest()
    {
        using var samples = new SampleBuffer();
        using var lease = await EspeakEngine.Shared.AcquireAsync(null, 2, CancellationToken.None);
        var longest = lease.Synthesize(Long, "gmw/en-US", 175, samples, CancellationToken.None).Samples.Length;
        var capacity = samples.Capacity;

        for (var i = 0; i < 12; i++)
        {
            var sentence = lease.Synthesize(i % 2 == 0 ? First : Long, "gmw/en-US", 175, samples, CancellationToken.None);

            Assert.True(sentence.Samples.Length <= capacity);
            Assert.Equal(capacity, samples.Capacity);
        }

        Assert.True(capacity < 2 * Math.Max(longest, SampleBuffer.InitialCapacity), $"{capacity} samples held for a longest sentence of {longest}.");
    }
}
