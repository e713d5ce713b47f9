using System.Runtime.InteropServices;
using SpeechGate.Audio;
using SpeechGate.Synthesis;
using SpeechGate.Testing.FakeElevenLabs;
using Xunit.Abstractions;

namespace SpeechGate.Providers.ElevenLabs;

// Measures the process's live heap, so it runs alone: another test holding megabytes at the same moment would count.
[Collection(ProcessMemoryMeasurements.Name)]
public sealed class ElevenLabsStreamingTests(ITestOutputHelper output)
{
    private const string Rachel = FakeVoiceCatalog.Rachel;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task SynthesizeAsync_SlowUpstream_CallerGetsFirstChunkBeforeTheLastIsSent(bool withTimestamps)
    {
        await using var harness = await ElevenLabsHarness.StartAsync();
        harness.Fake.Behavior.FirstByteDelay = TimeSpan.FromMilliseconds(75);
        harness.Fake.Behavior.ChunkInterval = TimeSpan.FromMilliseconds(20);
        harness.Fake.Behavior.ChunkSize = 1024;
        var request = new SpeechRequest(new string('s', 100), Rachel) { Format = AudioFormat.Parse("mp3_22050_32"), WithTimestamps = withTimestamps };
        var timeline = harness.Fake.Timeline;
        var received = 0;

        await using (var audio = await harness.Synthesizer.SynthesizeAsync(request))
        {
            await foreach (var chunk in audio.Chunks)
            {
                timeline.Mark($"received:{received++}");
            }
        }

        var record = Assert.Single(harness.Fake.Requests);
        Assert.True(record.ChunksSent > 10);
        Assert.True(received > 1);
        var lastSent = timeline.IndexOf($"sent-last:{record.Sequence}");
        Assert.True(lastSent > 0);
        output.WriteLine($"first chunk received after fake event #{timeline.IndexOf("received:0")}; last chunk sent at #{lastSent}; {record.ChunksSent} chunks");
        Assert.True(timeline.IndexOf("received:0") < lastSent, string.Join(", ", timeline.Events.Take(12)));
    }

    [Fact]
    public async Task SynthesizeAsync_LargeClip_LiveMemoryStaysFarBelowTheClipSize()
    {
        await using var harness = await ElevenLabsHarness.StartAsync();
        harness.Fake.Behavior.ChunkSize = 64 * 1024;

        // 10,000 characters ≈ 600 s of pcm_48000 ≈ 57.6 MB.
        var request = new SpeechRequest(new string('m', 10_000), Rachel) { Format = AudioFormat.Parse("pcm_48000") };
        long total = 0;
        long baseline = 0;
        long midway = 0;
        WeakReference? firstChunk = null;

        await using (var audio = await harness.Synthesizer.SynthesizeAsync(request))
        {
            await foreach (var chunk in audio.Chunks)
            {
                if (firstChunk is null)
                {
                    Assert.True(MemoryMarshal.TryGetArray(chunk.Audio, out var segment));
                    firstChunk = new WeakReference(segment.Array);
                    baseline = GC.GetTotalMemory(forceFullCollection: true);
                }

                total += chunk.Audio.Length;
                if (midway == 0 && total > 30_000_000)
                {
                    midway = GC.GetTotalMemory(forceFullCollection: true);
                }
            }
        }

        output.WriteLine($"streamed {total} bytes; live heap grew by {midway - baseline} bytes between the first chunk and 30 MB");
        Assert.Equal(57_600_000, total);
        Assert.True(midway - baseline < total / 10, $"live heap grew by {midway - baseline} bytes while streaming {total}");
        Assert.False(firstChunk!.IsAlive, "something still holds the first chunk after the caller dropped it");
    }
}

/// <summary>Tests that measure process-wide memory; run with nothing else in parallel.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessMemoryMeasurements
{
    public const string Name = "process memory measurements";
}
