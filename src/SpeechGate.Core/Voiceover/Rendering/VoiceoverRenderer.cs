using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using SpeechGate.Audio;
using SpeechGate.Budgeting;
using SpeechGate.Synthesis;

namespace SpeechGate.Voiceover.Rendering;

/// <summary>
/// The render: read the script, plan (cached lines, credits, budgets), pay each line once through the one pipeline,
/// then deliver clips, a loudness-normalised track, captions and a manifest into the output directory atomically.
/// </summary>
internal sealed partial class VoiceoverRenderer(
    ISpeechSynthesizer pipeline,
    SpendEstimator estimator,
    CreditEstimator credits,
    SpeechRequestResolver resolver,
    ICacheProbe? probe,
    IRenderAudio? audio,
    Func<string, string?, int> concurrencyFor,
    ILogger<VoiceoverRenderer> logger) : IVoiceoverRenderer
{
    // Refuses (before anything is planned or paid) a script whose lines differ from what `speechgate proof --lock`
    // approved. The lexicon column is compared only by `proof`/`diff`, which know the lexicon; the renderer does not.
    private static void RequireLock(VoiceoverScript script, string scriptPath)
    {
        var lockPath = Proofing.Scripts.ScriptLock.PathFor(scriptPath);
        if (!File.Exists(lockPath))
        {
            throw SpeechException.Validation("require_lock", $"{lockPath} does not exist: proof the script first (speechgate proof {scriptPath} --lock).");
        }

        var changes = Proofing.Scripts.ScriptLock.Read(lockPath).Compare(Proofing.Scripts.ScriptLock.Create(script))
            .Where(change => change.Kind != "changed" || change.Fields.Any(field => field != "lexicon"))
            .ToList();
        if (changes.Count > 0)
        {
            var listed = string.Join(", ", changes.Take(10).Select(c => c.Kind == "changed" ? $"{c.Id} ({string.Join("/", c.Fields)} changed)" : $"{c.Id} ({c.Kind})"));
            throw SpeechException.Validation("require_lock", $"{changes.Count} line(s) differ from {lockPath}: {listed}. Proof and lock again, or render without --require-lock.");
        }
    }

    /// <inheritdoc/>
    public async Task<RenderResult> RenderAsync(RenderRequest request, IProgress<RenderProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (script, hash, name) = await ReadScriptAsync(request.ScriptPath, cancellationToken).ConfigureAwait(false);
        var format = AudioFormat.Parse(request.Format ?? script.Format ?? AudioFormat.Default.Name);
        var target = LoudnessTarget.Parse(request.Loudness);
        if (format.Codec is not (AudioCodec.Mp3 or AudioCodec.Pcm or AudioCodec.Wav))
        {
            throw SpeechException.Validation("format", $"A render joins and normalises clips, so it needs mp3, pcm or wav; {format.Name} is not supported yet.");
        }

        if (request.RequireLock)
        {
            RequireLock(script, request.ScriptPath);
        }

        var project = request.Project ?? script.Project ?? Path.GetFileNameWithoutExtension(name);
        var lines = BuildLines(script, request, format, project);
        var directory = Path.GetFullPath(request.OutputDirectory);
        var takes = TakeBook.Load(directory);
        ApplyTakes(lines, takes, request, directory, format);
        var plan = await PlanAsync(lines, request, project, cancellationToken).ConfigureAwait(false);
        if (request.DryRun)
        {
            return new RenderResult(directory, "", "", lines.Count, 0, lines.Count(l => l.Action is "cached" or "take"), 0, 0) { Plan = plan };
        }

        if (audio is null)
        {
            throw new SpeechException(500, "render_unavailable", "No audio codecs are registered (AddLocalSpeechProvider registers libmpg123, libebur128 and the encoders).");
        }

        using var output = RenderOutput.Begin(directory);
        var counters = new RenderCounters(lines.Count);
        await PayAsync(lines, output.Staging, format, request, counters, progress, cancellationToken).ConfigureAwait(false);
        await NewTakesAsync(lines, takes, output.Staging, format, counters, progress, cancellationToken).ConfigureAwait(false);
        if (counters.Failed > 0)
        {
            throw counters.FirstFailure!;
        }

        var manifest = Deliver(lines, output.Staging, format, target, name, hash, counters);
        var keptTakes = Path.Combine(output.Staging, "takes");
        foreach (var stale in (Directory.Exists(keptTakes) ? Directory.GetDirectories(keptTakes) : []).Where(d => !takes.Lines.ContainsKey(Path.GetFileName(d))).ToList())
        {
            Directory.Delete(stale, recursive: true);
        }

        takes.Save(output.Staging);
        Directory.Delete(Path.Combine(output.Staging, "parts"), recursive: true);
        output.Commit();
        var manifestPath = Path.Combine(directory, "manifest.json");
        LogRendered(logger, name, lines.Count, counters.Paid, counters.Credits);
        return new RenderResult(directory, manifestPath, Sha256(manifestPath), lines.Count, counters.Paid, counters.Cached, 0, counters.Credits)
        {
            Plan = plan,
            Manifest = manifest,
        };
    }

    private static async Task<(VoiceoverScript Script, string Hash, string Name)> ReadScriptAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw SpeechException.Validation("script", $"No such script: {path}");
        }

        var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        var name = Path.GetFileName(path);
        var script = VoiceoverScriptReader.Parse(new System.Text.UTF8Encoding(false).GetString(bytes), name);
        if (script.Lines.Count == 0)
        {
            throw SpeechException.Validation("script", $"{name} has no lines.");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in script.Lines)
        {
            if (!RenderIds.IsSafe(line.Id!))
            {
                throw SpeechException.Validation("script", $"{name}: line id '{line.Id}' must be letters, digits, '.', '_' or '-' (it names files).");
            }

            if (!ids.Add(line.Id!))
            {
                throw SpeechException.Validation("script", $"{name}: line id '{line.Id}' appears twice.");
            }
        }

        return (script, Convert.ToHexStringLower(SHA256.HashData(bytes)), name);
    }

    // The counters move whether or not anyone watches.
    private static void Report(IProgress<RenderProgress>? progress, RenderProgress value) => progress?.Report(value);

    internal static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Rendered {Script}: {Lines} lines, {Paid} paid, {Credits} credits.")]
    private static partial void LogRendered(ILogger logger, string script, int lines, int paid, double credits);
}
