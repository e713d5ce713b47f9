using System.Text.Json;
using SpeechGate.Audio;
using SpeechGate.Synthesis;

namespace SpeechGate.Voiceover.Rendering;

internal sealed partial class VoiceoverRenderer
{
    /// <summary>Pays a new take of each line asked for (a regeneration that bypasses the cache), keeping the earlier ones.</summary>
    private async Task NewTakesAsync(List<RenderLine> lines, TakeBook takes, string staging, AudioFormat format, RenderCounters counters, IProgress<RenderProgress>? progress, CancellationToken cancellationToken)
    {
        var extension = Extension(format);
        foreach (var line in lines.Where(l => l.NewTake && l.Delivered))
        {
            if (!takes.Lines.TryGetValue(line.Id, out var record))
            {
                record = new TakeRecord { Identity = line.Identity };
                takes.Lines[line.Id] = record;
            }

            if (record.Takes.Count == 0)
            {
                // The audio delivered until now becomes take 1: the cache will hold the new take under the same key.
                Keep(line, record, 1, line.File!, staging, format, line.RequestId, line.Credits, line.VoiceId);
            }

            var take = record.Takes.Max(t => t.Take) + 1;
            var billed = 0;
            for (var j = 0; j < line.Segments.Count; j++)
            {
                var segment = line.Segments[j];

                // A fresh take: no request-id hints, so nothing regenerated is chained into (or from) its neighbours.
                var request = segment.Request with { BypassCache = true, PreviousRequestIds = [], NextRequestIds = [] };
                await SynthesizeAsync(segment, request, Path.Combine(staging, "parts", $"{line.Id}.take{take}.{j}.{extension}"), cancellationToken).ConfigureAwait(false);
                billed += segment.Billed;
            }

            var joined = Path.Combine(staging, "parts", $"{line.Id}.take{take}.{extension}");
            if (line.Segments.Count == 1)
            {
                File.Copy(line.Segments[0].File!, joined, overwrite: true);
            }
            else
            {
                ClipJoiner.Join(line.Segments.Select(s => s.File!).ToList(), joined, format);
            }

            line.Parts.Clear();
            line.Parts.AddRange(line.Segments.Select(s => new RenderPart(s.File!, s.Alignment)));
            Keep(line, record, take, joined, staging, format, line.Segments[0].RequestId, billed, line.Segments[0].VoiceId ?? line.Voice);
            record.Selected = take;
            File.Copy(joined, line.File!, overwrite: true);
            line.Take = take;
            line.Cache = "bypass";
            line.Credits += billed;
            line.RequestId = line.Segments[0].RequestId;
            Report(progress, counters.AddTake(billed));
        }
    }

    private void Keep(RenderLine line, TakeRecord record, int take, string source, string staging, AudioFormat format, string? requestId, double paid, string voiceId)
    {
        var path = TakeBook.TakePath(staging, line.Id, take, Extension(format));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Copy(source, path, overwrite: true);
        File.WriteAllBytes(TakeBook.AlignmentPath(staging, line.Id, take), JsonSerializer.SerializeToUtf8Bytes(JoinedAlignment(line, format), RenderJson.Options));
        record.Takes.Add(new TakeEntry(take, Sha256(path), requestId, paid, voiceId));
    }

    /// <summary>The parts' alignments as one, each offset by the decoded length of the parts before it.</summary>
    private CharacterAlignment? JoinedAlignment(RenderLine line, AudioFormat format)
    {
        if (line.Parts.Count == 1 || line.Parts.All(p => p.Alignment is null))
        {
            return line.Parts[0].Alignment;
        }

        var (characters, starts, ends) = (new List<string>(), new List<double>(), new List<double>());
        double origin = 0;
        foreach (var part in line.Parts)
        {
            if (part.Alignment is { } alignment)
            {
                characters.AddRange(alignment.Characters);
                starts.AddRange(alignment.CharacterStartTimesSeconds.Select(t => t + origin));
                ends.AddRange(alignment.CharacterEndTimesSeconds.Select(t => t + origin));
            }

            using var reader = audio!.OpenReader(part.File, format);
            var buffer = new float[8192];
            long samples = 0;
            int read;
            while ((read = reader.Read(buffer)) > 0)
            {
                samples += read;
            }

            origin += (double)samples / reader.SampleRate;
        }

        return new CharacterAlignment(characters, starts, ends);
    }
}
