using SpeechGate.Audio;
using SpeechGate.Caching;
using SpeechGate.Models;
using SpeechGate.Synthesis;

namespace SpeechGate.Voiceover.Rendering;

internal sealed partial class VoiceoverRenderer
{
    private const string DefaultPause = "400ms";

    private List<RenderLine> BuildLines(VoiceoverScript script, RenderRequest request, AudioFormat format, string project)
    {
        var template = new SpeechRequest("", "")
        {
            Provider = request.Provider,
            ModelId = request.Model,
            Format = format,
            Project = project,
            AccountId = request.AccountId,
            WithTimestamps = true,
            RequestIdsAreHints = true,
        };
        var voice = request.Voice ?? script.Voice
            ?? throw SpeechException.Validation("voice", "The script names no voice: set 'voice' in it or pass --voice.");
        var requests = VoiceoverScriptReader.ToRequests(script, voice, template);
        var lines = new List<RenderLine>(requests.Count);
        for (var i = 0; i < requests.Count; i++)
        {
            var line = script.Lines[i];
            var limit = credits.ProviderOf(requests[i]) == "elevenlabs" ? KnownModels.Find(requests[i].ModelId)?.MaxCharactersPerRequest ?? 5_000 : 100_000;
            var segments = LineSplitter.Split(requests[i].Text, limit).Select(text => new RenderSegment(requests[i] with { Text = text })).ToList();
            var pause = line.Pause ?? script.Pause ?? request.Pause ?? DefaultPause;
            if (!CueTime.TryParsePause(pause, out var pauseMs))
            {
                throw SpeechException.Validation("pause", $"Line {line.Id}: pause '{pause}' is not a duration such as 400ms or 1.5s.");
            }

            lines.Add(new RenderLine(i, line, requests[i].VoiceId, segments)
            {
                PauseMs = pauseMs,
                Characters = Budgeting.CreditEstimator.CountCharacters(requests[i].Text),
            });
        }

        if (request.Stitch)
        {
            var all = lines.SelectMany(l => l.Segments).ToList();
            for (var k = 0; k < all.Count; k++)
            {
                all[k].Request = all[k].Request with
                {
                    PreviousText = k > 0 ? all[k - 1].Request.Text : null,
                    NextText = k + 1 < all.Count ? all[k + 1].Request.Text : null,
                };
            }
        }

        foreach (var line in lines)
        {
            line.Identity = Identity(line);
        }

        return lines;
    }

    private string Identity(RenderLine line)
        => string.Join('+', line.Segments.Select(s => SpeechCacheKey.From(resolver.Resolve(s.Request)).Value[..16]));

    private static void ApplyTakes(List<RenderLine> lines, TakeBook takes, RenderRequest request, string directory, AudioFormat format)
    {
        var byId = lines.ToDictionary(l => l.Id, StringComparer.Ordinal);
        foreach (var id in request.NewTakes.Concat(request.Takes.Keys))
        {
            if (!byId.ContainsKey(id))
            {
                throw SpeechException.Validation("line", $"The script has no line '{id}'.");
            }
        }

        foreach (var stale in takes.Lines.Where(t => !byId.TryGetValue(t.Key, out var line) || line.Identity != t.Value.Identity).Select(t => t.Key).ToList())
        {
            // The line was edited or removed: its takes were of other audio.
            takes.Lines.Remove(stale);
        }

        foreach (var line in lines)
        {
            var record = takes.Lines.GetValueOrDefault(line.Id);
            if (request.Takes.TryGetValue(line.Id, out var chosen))
            {
                if (chosen != 1 && record?.Takes.Any(t => t.Take == chosen) != true)
                {
                    throw SpeechException.Validation("take", $"Line {line.Id} has no take {chosen}{(record is null ? "" : $" (kept: {string.Join(", ", record.Takes.Select(t => t.Take))})")}.");
                }

                if (record is not null)
                {
                    record.Selected = chosen;
                }
            }

            line.NewTake = request.NewTakes.Contains(line.Id, StringComparer.Ordinal);
            if (record is not null && File.Exists(TakeBook.TakePath(directory, line.Id, record.Selected, format.Codec.ToString().ToLowerInvariant())))
            {
                line.Action = "take";
                line.Take = record.Selected;
            }
        }
    }

    private async Task<RenderPlan> PlanAsync(List<RenderLine> lines, RenderRequest request, string project, CancellationToken cancellationToken)
    {
        await credits.RefreshRatesAsync(cancellationToken).ConfigureAwait(false);
        long characters = 0, total = 0, toSpend = 0;
        foreach (var line in lines)
        {
            characters += line.Characters;
            long lineCredits = 0;
            var uncached = 0;
            foreach (var segment in line.Segments)
            {
                segment.Credits = credits.EstimateCredits(segment.Request);
                total += segment.Credits;
                if (line.Action != "take")
                {
                    segment.Cached = probe is not null && await probe.ContainsAsync(resolver.Resolve(segment.Request), cancellationToken).ConfigureAwait(false);
                    lineCredits += segment.Cached ? 0 : segment.Credits;
                    uncached += segment.Cached ? 0 : 1;
                }

                lineCredits += line.NewTake ? segment.Credits : 0;
            }

            if (line.Action != "take")
            {
                line.Action = uncached == 0 ? "cached" : "pay";
            }

            line.Credits = lineCredits;
            toSpend += lineCredits;
        }

        var estimate = await estimator.EstimateAsync([.. lines.SelectMany(l => l.Segments).Select(s => s.Request)], request.AccountId, project, cancellationToken).ConfigureAwait(false);
        var allowance = estimate.Budgets.Where(b => b.Mode == "hard").Select(b => b.RemainingCredits)
            .Append(estimate.Quota?.RemainingCredits ?? long.MaxValue).Min();
        if (toSpend > allowance)
        {
            if (!request.AllowPartial)
            {
                throw new SpeechException(429, "budget_exceeded",
                    $"This render needs {toSpend:N0} credits but only {Math.Max(0, allowance):N0} are left under a hard budget or the account's quota; nothing was paid. Use --allow-partial to render what fits.")
                { Type = "rate_limit_error", Code = "budget_exceeded" };
            }

            toSpend = SkipWhatDoesNotFit(lines, allowance);
        }

        var budgets = estimate.Budgets.Select(b => b with { RemainingAfter = b.RemainingCredits - toSpend }).ToList();
        var quota = estimate.Quota is { } q ? q with { RemainingAfter = q.RemainingCredits - toSpend } : null;
        var planLines = lines.Select(l => new RenderPlanLine(l.Id, l.Voice, l.Characters, l.Segments.Count, (long)l.Credits, l.NewTake && l.Action != "skip" ? "new-take" : l.Action)).ToList();
        return new RenderPlan(planLines, characters, total, toSpend, budgets, quota);
    }

    /// <summary>With <c>--allow-partial</c>: lines in order while they fit; everything from the first that does not is skipped.</summary>
    private static long SkipWhatDoesNotFit(List<RenderLine> lines, long allowance)
    {
        long spent = 0;
        var full = false;
        foreach (var line in lines)
        {
            if (!full && spent + (long)line.Credits <= allowance)
            {
                spent += (long)line.Credits;
                continue;
            }

            full = true;
            line.Action = "skip";
            line.NewTake = false;
            line.Credits = 0;
        }

        return spent;
    }
}
