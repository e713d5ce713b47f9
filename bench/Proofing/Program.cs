using System.Diagnostics;
using System.Globalization;
using SpeechGate;
using SpeechGate.Bench.Proofing;
using SpeechGate.Proofing.Scripts;
using SpeechGate.Proofing.Spelling;
using SpeechGate.Synthesis;

// 1. Proofing a 100,000-character script in process vs `hunspell -l` (spelling only) over the same text, same run.
// 2. The proofing stage's per-request cost on the miss path, 1,000 characters (noisy and clean text).
var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 7;
var text = Script.Build(100_000);
var file = Path.Combine(Path.GetTempPath(), $"speechgate-proof-bench-{Environment.ProcessId}.txt");
await File.WriteAllTextAsync(file, text);
try
{
    _ = ProofOnce(text); // warm-up: JIT, regexes, dictionary pages
    _ = await HunspellAsync(file);
    var ours = new List<double>();
    var tool = new List<double>();
    var findings = 0;
    for (var round = 0; round < rounds; round++)
    {
        var watch = Stopwatch.StartNew();
        findings = ProofOnce(text);
        ours.Add(watch.Elapsed.TotalMilliseconds);
        tool.Add(await HunspellAsync(file));
    }

    var ourMedian = Median(ours);
    var toolMedian = Median(tool);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"proof 100,000 chars (all checks, dictionary loaded each round): median {ourMedian:0.0} ms, {findings} findings"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"hunspell -d en_US -l (spelling only):                    median {toolMedian:0.0} ms"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio in-process / hunspell -l: {ourMedian / toolMedian:0.00} (goal <= 1.0)"));
}
finally
{
    File.Delete(file);
}

var stage = new SpeechSynthesizerBuilder(new NoAudio()).UseProofing().Build();
var bare = new NoAudio();
var noisy = new SpeechRequest(Script.Build(1_000).Replace(". ", ".  ", StringComparison.Ordinal), "voice");
var clean = new SpeechRequest(Script.Build(1_000).Replace("  ", " ", StringComparison.Ordinal).Trim(), "voice");
foreach (var (name, request) in new[] { ("noisy", noisy), ("clean", clean) })
{
    var overhead = await OverheadAsync(stage, bare, request);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"UseProofing() overhead, 1,000 chars {name}: p50 {overhead.P50 * 1000:0.0} µs, p99 {overhead.P99 * 1000:0.0} µs (goal p50 <= 200 µs)"));
}

static int ProofOnce(string text)
{
    using var spelling = SpellChecker.ForLanguage("en-US") ?? throw new InvalidOperationException("hunspell-en-us is not installed");
    var report = new ScriptProofer(new ScriptProofOptions { Spelling = spelling, Language = "en-US" }).Proof(text, "script.txt");
    return report.Findings.Count();
}

static async Task<double> HunspellAsync(string file)
{
    var start = new ProcessStartInfo("hunspell", ["-d", "en_US", "-l", file]) { RedirectStandardOutput = true, UseShellExecute = false };
    var watch = Stopwatch.StartNew();
    using var process = Process.Start(start)!;
    _ = await process.StandardOutput.ReadToEndAsync();
    await process.WaitForExitAsync();
    return watch.Elapsed.TotalMilliseconds;
}

static async Task<(double P50, double P99)> OverheadAsync(ISpeechSynthesizer stage, ISpeechSynthesizer bare, SpeechRequest request)
{
    const int Calls = 20_000;
    var with = new double[Calls];
    var without = new double[Calls];
    for (var i = 0; i < Calls; i++)
    {
        var start = Stopwatch.GetTimestamp();
        await stage.SynthesizeAsync(request);
        with[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        start = Stopwatch.GetTimestamp();
        await bare.SynthesizeAsync(request);
        without[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    return (Percentile(with, 0.5) - Percentile(without, 0.5), Percentile(with, 0.99) - Percentile(without, 0.99));
}

static double Median(List<double> values) => Percentile([.. values], 0.5);

static double Percentile(double[] values, double p)
{
    var sorted = values.Order().ToArray();
    return sorted[(int)Math.Min(sorted.Length - 1, Math.Floor(p * sorted.Length))];
}

/// <summary>A provider that answers instantly with no audio, so only the stage is measured.</summary>
internal sealed class NoAudio : ISpeechSynthesizer
{
    private static readonly Task<SpeechAudio> Answer = Task.FromResult(SpeechAudio.FromBytes(Array.Empty<byte>(), "audio/mpeg"));

    public Task<SpeechAudio> SynthesizeAsync(SpeechRequest request, CancellationToken cancellationToken = default) => Answer;
}
