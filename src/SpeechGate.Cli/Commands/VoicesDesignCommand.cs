using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using SpeechGate.VoiceResolution;

namespace SpeechGate.Cli.Commands;

/// <summary><c>speechgate voices design "DESCRIPTION" --name N</c>: creates an owned voice by voice design and pins it.</summary>
internal static class VoicesDesignCommand
{
    public static Command Create(IServiceProvider services, CliContext context)
    {
        var description = new Argument<string>("description") { Description = "What the voice should sound like." };
        var name = new Option<string>("--name", "-n") { Description = "Name of the new voice.", Required = true };
        var alias = new Option<string?>("--alias", "-a") { Description = "Lockfile key to pin it under (default: the name)." };
        var command = new Command("design", "Design a voice from a description (first preview), create it in My Voices and pin it.") { description, name, alias };
        command.SetAction((parse, cancellationToken) => CommandErrors.RunAsync(context, async () =>
        {
            var text = parse.GetValue(description)!;
            if (string.IsNullOrWhiteSpace(text))
            {
                throw Synthesis.SpeechException.Validation("voice_description", "The description is empty: describe the voice.");
            }

            var pinner = VoiceUpstreamServices.Require<VoicePinner>(services, "design");
            var voiceName = parse.GetValue(name)!;
            var result = await pinner.DesignAsync(text, voiceName, parse.GetValue(alias) ?? voiceName, cancellationToken);
            var lockPath = services.GetRequiredService<VoiceConfigurationStore>().Current.LockPath;
            await context.Output.WriteLineAsync($"designed {voiceName} -> {result.Pin.VoiceId} ({result.Pin.Category}); pinned as {result.Key} in {lockPath}");
            return ExitCodes.Success;
        }));
        return command;
    }
}
