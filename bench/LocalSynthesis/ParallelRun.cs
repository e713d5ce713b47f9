using System.Diagnostics;
using SpeechGate.Synthesis;

namespace SpeechGate.Bench.LocalSynthesis;

/// <summary>The same batch of requests one after another and all at once: how far the engine copies run in parallel.</summary>
internal static class ParallelRun
{
    public static async Task<(double SequentialMs, double ParallelMs)> RunAsync(ISpeechSynthesizer synthesizer, string text, int requests)
    {
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < requests; i++)
        {
            await InProcessRun.RunAsync(synthesizer, text, "pcm_22050");
        }

        var sequential = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        await Task.WhenAll(Enumerable.Range(0, requests).Select(_ => Task.Run(() => InProcessRun.RunAsync(synthesizer, text, "pcm_22050"))));
        return (sequential, clock.Elapsed.TotalMilliseconds);
    }
}
