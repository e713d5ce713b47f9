using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using SpeechGate.Synthesis;
using SpeechGate.VoiceResolution;

namespace SpeechGate.Cli.Commands;

/// <summary>
/// <c>speechgate voices clone --name N FILE...</c>: checks the samples (readable audio, durations, sizes) before any
/// upload, clones the voice (instant voice cloning), pins it and records the samples' hashes in <c>voices.lock</c>.
/// </summary>
internal static class VoicesCloneCommand
{
    public static Command Create(IServiceProvider services, CliContext context)
    {
        var files = new Argument<string[]>("files") { Description = "Sample recordings (WAV, MP3 or FLAC; 1–2 minutes of clean speech in all is best).", Arity = ArgumentArity.OneOrMore };
        var name = new Option<string>("--name", "-n") { Description = "Name of the new voice.", Required = true };
        var alias = new Option<string?>("--alias", "-a") { Description = "Lockfile key to pin it under (default: the name)." };
        var description = new Option<string?>("--description") { Description = "A description stored with the voice." };
        var labels = new Option<string[]>("--label") { Description = "A label KEY=VALUE (accent, gender, age, language, use_case); repeatable.", AllowMultipleArgumentsPerToken = false };
        var denoise = new Option<bool>("--remove-background-noise") { Description = "Ask ElevenLabs to remove background noise from the samples first." };
        var command = new Command("clone", "Clone a voice from samples (instant voice cloning), create it in My Voices and pin it.")
        {
            files, name, alias, description, labels, denoise,
        };
        command.SetAction((parse, cancellationToken) => CommandErrors.RunAsync(context, async () =>
        {
            var voiceName = parse.GetValue(name)!;
            if (string.IsNullOrWhiteSpace(voiceName))
            {
                throw SpeechException.Validation("name", "The voice name is empty.");
            }

            // Everything that can be wrong with the samples is found before anything is uploaded.
            var samples = await VoiceSampleInspector.InspectAsync(parse.GetValue(files)!, cancellationToken);
            var request = new VoiceCloneRequest(voiceName, samples)
            {
                Description = parse.GetValue(description),
                Labels = ParseLabels(parse.GetValue(labels) ?? []),
                RemoveBackgroundNoise = parse.GetValue(denoise),
            };
            var total = samples.Aggregate(TimeSpan.Zero, (sum, sample) => sum + sample.Duration);
            if (total < VoiceSampleInspector.RecommendedTotalDuration)
            {
                await context.Error.WriteLineAsync($"warning: {total.TotalSeconds:0.0} s of samples; ElevenLabs recommends 1–2 minutes of clean speech for a close likeness.");
            }

            var pinner = VoiceUpstreamServices.Require<VoicePinner>(services, "clone");
            var result = await pinner.CloneAsync(request, parse.GetValue(alias) ?? voiceName, cancellationToken);
            var lockPath = services.GetRequiredService<VoiceConfigurationStore>().Current.LockPath;
            await context.Output.WriteLineAsync(
                $"cloned {voiceName} -> {result.Pin.VoiceId} ({result.Pin.Category}) from {samples.Count} samples, {total.TotalSeconds:0.0} s; pinned as {result.Key} in {lockPath}");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Dictionary<string, string> ParseLabels(IEnumerable<string> values)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            var equals = value.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw SpeechException.Validation("label", $"'{value}' is not KEY=VALUE.");
            }

            labels[value[..equals].Trim()] = value[(equals + 1)..].Trim();
        }

        return labels;
    }
}
