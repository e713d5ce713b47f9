using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SpeechGate.Bench.LocalSynthesis;
using SpeechGate.Synthesis;

// 1,000 characters of prose to mp3_44100_128: in-process provider vs espeak-ng + lame processes, same run, interleaved.
var iterations = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
const int WarmUp = 2;
await using var services = new ServiceCollection()
    .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
    .AddLocalSpeechProvider()
    .BuildServiceProvider();
var provider = services.GetRequiredKeyedService<ISpeechSynthesizer>("local");
var scratch = Directory.CreateTempSubdirectory("speechgate-bench-");
var baseline = new ProcessBaseline(scratch.FullName, resample: true);
var literal = new ProcessBaseline(scratch.FullName, resample: false);
List<double> inProcess = [], firstByte = [], pcmOnly = [], processes = [], literalProcesses = [];
long mp3Bytes = 0, baselineBytes = 0;
for (var i = 0; i < WarmUp + iterations; i++)
{
    var run = await InProcessRun.RunAsync(provider, Prose.Text, "mp3_44100_128");
    var pcm = await InProcessRun.RunAsync(provider, Prose.Text, "pcm_22050");
    var clock = Stopwatch.StartNew();
    baselineBytes = await baseline.RunAsync(Prose.Text);
    var processMs = clock.Elapsed.TotalMilliseconds;
    clock.Restart();
    await literal.RunAsync(Prose.Text);
    var literalMs = clock.Elapsed.TotalMilliseconds;
    if (i >= WarmUp)
    {
        inProcess.Add(run.TotalMs);
        firstByte.Add(run.FirstByteMs);
        pcmOnly.Add(pcm.TotalMs);
        processes.Add(processMs);
        literalProcesses.Add(literalMs);
        mp3Bytes = run.Bytes;
    }
}

scratch.Delete(recursive: true);
var batch = 4 * Environment.ProcessorCount;
await ParallelRun.RunAsync(provider, Prose.Text, batch);
var (sequentialMs, parallelMs) = await ParallelRun.RunAsync(provider, Prose.Text, batch);
var ratio = Median.Of(inProcess) / Median.Of(processes);
Print($"text: {Prose.Text.Length} chars, mp3_44100_128, N={iterations} after {WarmUp} warm-up, {Environment.ProcessorCount} cores");
Print($"in-process provider (mp3, whole clip): median {Median.Of(inProcess):F1} ms ({mp3Bytes} bytes)");
Print($"in-process provider (pcm_22050, no encoding): median {Median.Of(pcmOnly):F1} ms");
Print($"baseline espeak-ng -w + lame -b 128 --resample 44.1 (processes): median {Median.Of(processes):F1} ms ({baselineBytes} bytes)");
Print($"ratio in-process / baseline: {ratio:F3} (goal <= 1.0)");
Print($"literal baseline espeak-ng -w + lame -b 128 (22.05 kHz output): median {Median.Of(literalProcesses):F1} ms, ratio {Median.Of(inProcess) / Median.Of(literalProcesses):F3}");
Print($"time to first byte, streamed mp3: median {Median.Of(firstByte):F1} ms (goal <= 50 ms)");
Print($"{batch} x pcm_22050 on {Environment.ProcessorCount} engine copies: sequential {sequentialMs:F0} ms, parallel {parallelMs:F0} ms, speed-up {sequentialMs / parallelMs:F2}x");

static void Print(FormattableString line) => Console.WriteLine(FormattableString.Invariant(line));
