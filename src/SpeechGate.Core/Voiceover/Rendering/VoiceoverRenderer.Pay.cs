using System.Collections.Concurrent;
using System.Text.Json;
using SpeechGate.Audio;
using SpeechGate.Synthesis;

namespace SpeechGate.Voiceover.Rendering;

internal sealed partial class VoiceoverRenderer
{
    private async Task PayAsync(List<RenderLine> lines, string staging, AudioFormat format, RenderRequest request, RenderCounters counters, IProgress<RenderProgress>? progress, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.Combine(staging, "parts"));
        Directory.CreateDirectory(Path.Combine(staging, "lines"));
        var extension = Extension(format);
        var finished = new ConcurrentDictionary<RenderSegment, string>();
        var all = lines.SelectMany(l => l.Segments).ToList();
        var previous = all.Select((segment, k) => (segment, k)).ToDictionary(p => p.segment, p => p.k > 0 ? all[p.k - 1] : null);
        var first = lines.FirstOrDefault(l => l.Action != "skip")?.Segments[0].Request ?? lines[0].Segments[0].Request;
        var parallelism = Math.Max(1, request.Concurrency ?? concurrencyFor(credits.ProviderOf(first), first.ModelId));
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(lines.Where(l => l.Action != "skip"), options, async (line, token) =>
        {
            try
            {
                if (line.Action == "take")
                {
                    DeliverTake(line, staging, extension);
                    Report(progress, counters.Record(paid: false, 0));
                    return;
                }

                for (var j = 0; j < line.Segments.Count; j++)
                {
                    var segment = line.Segments[j];
                    var hint = request.Stitch && credits.ProviderOf(segment.Request) == "elevenlabs"
                        && previous[segment] is { } before && finished.TryGetValue(before, out var id) ? id : null;
                    var sent = hint is null ? segment.Request : segment.Request with { PreviousRequestIds = [hint] };
                    await SynthesizeAsync(segment, sent, Path.Combine(staging, "parts", $"{line.Id}.{j}.{extension}"), token).ConfigureAwait(false);
                    if (segment.RequestId is { } requestId)
                    {
                        finished[segment] = requestId;
                    }
                }

                Assemble(line, Path.Combine(staging, "lines", $"{line.Id}.{extension}"), format);
                line.Credits = line.Segments.Sum(s => s.Billed);
                line.Cache = Status(line.Segments.Select(s => s.Status));
                line.RequestId = line.Segments[0].RequestId;
                line.VoiceId = line.Segments[0].VoiceId ?? line.Voice;
                Report(progress, counters.Record(paid: line.Segments.Any(s => s.Status is SpeechCacheStatus.Miss or SpeechCacheStatus.Bypass or SpeechCacheStatus.None), line.Credits));
            }
            catch (Exception error) when (error is SpeechException or HttpRequestException or IOException)
            {
                line.Failed = true;
                LogLineFailed(logger, line.Id, error.Message);
                Report(progress, counters.Record(paid: false, line.Segments.Sum(s => s.Billed), error));
            }
        }).ConfigureAwait(false);
    }

    private async Task SynthesizeAsync(RenderSegment segment, SpeechRequest request, string path, CancellationToken cancellationToken)
    {
        var audioResponse = await pipeline.SynthesizeAsync(request, cancellationToken).ConfigureAwait(false);
        await using (audioResponse.ConfigureAwait(false))
        {
            var characters = new List<string>();
            var starts = new List<double>();
            var ends = new List<double>();
            var aligned = false;
            var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
            await using (file.ConfigureAwait(false))
            {
                await foreach (var chunk in audioResponse.Chunks.WithCancellation(cancellationToken).ConfigureAwait(false))
                {
                    await file.WriteAsync(chunk.Audio, cancellationToken).ConfigureAwait(false);
                    if (chunk.Alignment is { } alignment)
                    {
                        aligned = true;
                        characters.AddRange(alignment.Characters);
                        starts.AddRange(alignment.CharacterStartTimesSeconds);
                        ends.AddRange(alignment.CharacterEndTimesSeconds);
                    }
                }
            }

            segment.File = path;
            segment.Alignment = aligned ? new CharacterAlignment(characters, starts, ends) : null;
            segment.Status = audioResponse.CacheStatus;
            segment.RequestId = audioResponse.RequestId;
            segment.VoiceId = audioResponse.ResolvedVoiceId ?? request.VoiceId;
            segment.Billed = audioResponse.CacheStatus is SpeechCacheStatus.Miss or SpeechCacheStatus.Bypass or SpeechCacheStatus.None
                ? audioResponse.BilledCharacters : 0;
        }
    }

    /// <summary>One file per line: a single request's bytes as delivered, or the requests' audio joined.</summary>
    private static void Assemble(RenderLine line, string path, AudioFormat format)
    {
        line.Parts.Clear();
        line.Parts.AddRange(line.Segments.Select(s => new RenderPart(s.File!, s.Alignment)));
        if (line.Segments.Count == 1)
        {
            File.Copy(line.Segments[0].File!, path, overwrite: true);
        }
        else
        {
            ClipJoiner.Join(line.Segments.Select(s => s.File!).ToList(), path, format);
        }

        line.File = path;
    }

    private static void DeliverTake(RenderLine line, string staging, string extension)
    {
        var source = TakeBook.TakePath(staging, line.Id, line.Take, extension);
        var path = Path.Combine(staging, "lines", $"{line.Id}.{extension}");
        File.Copy(source, path, overwrite: true);
        var alignmentPath = TakeBook.AlignmentPath(staging, line.Id, line.Take);
        var alignment = File.Exists(alignmentPath) ? JsonSerializer.Deserialize<CharacterAlignment>(File.ReadAllBytes(alignmentPath), RenderJson.Options) : null;
        line.Parts.Clear();
        line.Parts.Add(new RenderPart(path, alignment));
        line.File = path;
        line.Cache = "take";
        line.Credits = 0;
    }

    private static string Status(IEnumerable<SpeechCacheStatus> statuses)
    {
        var list = statuses.ToList();
        var status = list.Contains(SpeechCacheStatus.Miss) ? SpeechCacheStatus.Miss
            : list.Contains(SpeechCacheStatus.Bypass) ? SpeechCacheStatus.Bypass
            : list.Contains(SpeechCacheStatus.Coalesced) ? SpeechCacheStatus.Coalesced
            : list[0];
        return status.ToString().ToLowerInvariant();
    }

    internal static string Extension(AudioFormat format) => format.Codec.ToString().ToLowerInvariant();

    [Microsoft.Extensions.Logging.LoggerMessage(Level = Microsoft.Extensions.Logging.LogLevel.Warning, Message = "Line {LineId} failed: {Reason}")]
    private static partial void LogLineFailed(Microsoft.Extensions.Logging.ILogger logger, string lineId, string reason);
}
