using System.Text;
using System.Text.Json;
using SpeechGate.Audio;

namespace SpeechGate.Voiceover.Rendering;

internal sealed partial class VoiceoverRenderer
{
    private RenderManifest Deliver(List<RenderLine> lines, string staging, AudioFormat format, LoudnessTarget target, string script, string hash, RenderCounters counters)
    {
        var extension = Extension(format);
        var mixer = new TrackMixer(audio!, format);
        var (lufs, _) = mixer.Layout(lines);
        var trackPath = Path.Combine(staging, $"track.{extension}");
        var loudness = mixer.Write(lines, trackPath, target, lufs);
        var delivered = lines.Where(l => l.Delivered).ToList();
        var trackMs = delivered.Count == 0 ? 0 : delivered.Max(l => l.OffsetMs + l.DurationMs);

        var cues = CaptionWriter.Build(lines, mixer.SampleRate);
        File.WriteAllText(Path.Combine(staging, "captions.srt"), CaptionWriter.Srt(cues), new UTF8Encoding(false));
        File.WriteAllText(Path.Combine(staging, "captions.vtt"), CaptionWriter.Vtt(cues), new UTF8Encoding(false));
        var checks = RenderChecks.Find(lines, cues);

        var manifestLines = lines.Select(line => new RenderManifestLine(
            line.Id,
            line.Line.Text,
            line.Voice,
            line.VoiceId,
            line.Segments[0].Request.ModelId,
            line.Delivered ? $"lines/{line.Id}.{extension}" : "",
            line.Delivered ? Sha256(line.File!) : "",
            line.DurationMs,
            line.OffsetMs,
            line.Characters,
            line.Credits,
            line.Action == "skip" ? "skipped" : line.Cache,
            line.RequestId,
            line.Take,
            line.Segments.Count)).ToList();
        var totals = new RenderTotals(lines.Count, lines.Sum(l => (long)l.Characters), trackMs, counters.Credits, counters.Paid, counters.Cached, lines.Count(l => l.Action == "skip"));
        var manifest = new RenderManifest(
            script, hash, format.Name, loudness, new RenderFile($"track.{extension}", Sha256(trackPath), trackMs),
            ["captions.srt", "captions.vtt"], totals, manifestLines, checks);
        File.WriteAllBytes(Path.Combine(staging, "manifest.json"), JsonSerializer.SerializeToUtf8Bytes(manifest, RenderJson.Options));
        return manifest;
    }
}
