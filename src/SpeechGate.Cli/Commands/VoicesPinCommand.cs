using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using SpeechGate.VoiceResolution;

namespace SpeechGate.Cli.Commands;

/// <summary><c>speechgate voices pin ALIAS|VOICE_ID</c>: pins a voice to a stable id in <c>voices.lock</c>.</summary>
internal static class VoicesPinCommand
{
    public static Command Create(IServiceProvider services, CliContext context)
    {
        var voice = new Argument<string>("voice") { Description = "An alias from voices.yaml or a voice id." };
        var command = new Command("pin", "Pin a voice: add a shared library voice to My Voices and record its stable id in voices.lock.") { voice };
        command.SetAction((parse, cancellationToken) => CommandErrors.RunAsync(context, async () =>
        {
            var pinner = VoiceUpstreamServices.Require<VoicePinner>(services, "pin");
            var result = await pinner.PinAsync(parse.GetValue(voice)!, cancellationToken);
            var pin = result.Pin;
            var how = result.AddedFromLibrary
                ? $"added shared voice {pin.OriginalVoiceId} (owner {pin.Owner}) to My Voices"
                : $"{pin.Category} voice, kept as is";
            var lockPath = services.GetRequiredService<VoiceConfigurationStore>().Current.LockPath;
            await context.Output.WriteLineAsync($"pinned {result.Key} -> {pin.VoiceId} ({how}; category {pin.Category}) in {lockPath}");
            return ExitCodes.Success;
        }));
        return command;
    }
}
