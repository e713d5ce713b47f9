using System.Diagnostics;

namespace SpeechGate.Benchmarks;

/// <summary>Runs baseline and candidate alternately (so both see the same noise) and collects latencies.</summary>
internal sealed class OverheadRunner(Func<Task<long>> baseline, Func<Task<long>> candidate)
{
    public async Task<OverheadResult> RunAsync(int warmup, int iterations)
    {
        for (var i = 0; i < warmup; i++)
        {
            await baseline();
            await candidate();
        }

        var baseTimes = new double[iterations];
        var candidateTimes = new double[iterations];
        long baseBytes = 0;
        long candidateBytes = 0;
        for (var i = 0; i < iterations; i++)
        {
            // Alternate which goes first, so neither always runs on a warmer connection pool.
            if (i % 2 == 0)
            {
                (baseTimes[i], baseBytes) = await TimeAsync(baseline);
                (candidateTimes[i], candidateBytes) = await TimeAsync(candidate);
            }
            else
            {
                (candidateTimes[i], candidateBytes) = await TimeAsync(candidate);
                (baseTimes[i], baseBytes) = await TimeAsync(baseline);
            }
        }

        if (baseBytes != candidateBytes)
        {
            throw new InvalidOperationException($"Different answers: baseline {baseBytes} bytes, provider {candidateBytes} bytes.");
        }

        return new OverheadResult(baseTimes, candidateTimes, baseBytes);
    }

    private static async Task<(double Microseconds, long Bytes)> TimeAsync(Func<Task<long>> call)
    {
        var start = Stopwatch.GetTimestamp();
        var bytes = await call();
        return (Stopwatch.GetElapsedTime(start).TotalMicroseconds, bytes);
    }
}
