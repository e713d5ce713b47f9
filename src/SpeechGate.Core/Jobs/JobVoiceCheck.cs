using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SpeechGate.Synthesis;
using SpeechGate.Voiceover;
using SpeechGate.VoiceResolution;
using SpeechGate.Voices;

namespace SpeechGate.Jobs;

/// <summary>
/// Before a run pays for any line: every voice its script names must exist, or one of its fallbacks must. A gone
/// voice with a working fallback is reported (the fallback speaks); a gone voice without one fails the run.
/// </summary>
public sealed class JobVoiceCheck(IServiceProvider services, VoiceConfigurationStore voices, IOptions<SpeechProviderOptions> providers)
{
    /// <summary>Checks the voices of the script at <paramref name="scriptPath"/>; returns notices about fallbacks that will speak.</summary>
    /// <exception cref="SpeechException">404 <c>voice_not_found</c>: a voice and all its fallbacks are gone.</exception>
    public async Task<IReadOnlyList<string>> CheckAsync(string scriptPath, CancellationToken cancellationToken = default)
    {
        VoiceoverScript script;
        try
        {
            script = VoiceoverScriptReader.Parse(await File.ReadAllTextAsync(scriptPath, cancellationToken).ConfigureAwait(false), scriptPath);
        }
        catch (SpeechException)
        {
            // A format this reader does not know (captions, CSV): the renderer reads it and reports its own errors.
            return [];
        }

        var named = script.Lines.Select(line => line.Voice ?? script.Voice).OfType<string>().Distinct(StringComparer.Ordinal);
        var notices = new List<string>();
        foreach (var voice in named)
        {
            var candidates = VoiceResolver.Resolve(voices.Current, new SpeechRequest("", voice), voices.Options.IsDevMode, voices.Options.DevDefaultVoiceId);
            var speaking = -1;
            for (var i = 0; i < candidates.Count && speaking < 0; i++)
            {
                if (await ExistsAsync(candidates[i], cancellationToken).ConfigureAwait(false))
                {
                    speaking = i;
                }
            }

            if (speaking < 0)
            {
                throw new SpeechException(404, "voice_not_found",
                    $"voice '{voice}' ({candidates[0].VoiceId}) is gone{(candidates.Count > 1 ? " and so are its fallbacks" : " and has no fallback")}; " +
                    "the run stopped before any line was paid. Pin or replace the voice (speechgate voices check).")
                { Param = "voice_id" };
            }

            if (speaking > 0)
            {
                notices.Add($"voice '{voice}' ({candidates[0].VoiceId}) is gone; its fallback '{candidates[speaking].Label}' speaks instead.");
            }
        }

        return notices;
    }

    private async Task<bool> ExistsAsync(VoiceCandidate candidate, CancellationToken cancellationToken)
    {
        var provider = candidate.Provider ?? providers.Value.Default;
        if (services.GetService<IVoiceUpstream>() is { } upstream && upstream.Provider == provider)
        {
            return await upstream.GetVoiceAsync(candidate.VoiceId, cancellationToken).ConfigureAwait(false) is not null;
        }

        // A provider without a directory cannot be asked: its voices are taken to exist and the render finds out.
        return services.GetKeyedService<IVoiceDirectory>(provider) is not { } directory
            || await directory.GetVoiceAsync(candidate.VoiceId, cancellationToken).ConfigureAwait(false) is not null;
    }
}
