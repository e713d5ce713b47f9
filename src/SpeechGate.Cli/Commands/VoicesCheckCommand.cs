using System.CommandLine;
using System.Text.Json;
using SpeechGate.VoiceResolution;

namespace SpeechGate.Cli.Commands;

/// <summary><c>speechgate voices check [--json]</c>: verifies pinned, aliased and recently used voices; exits 1 when one is gone.</summary>
internal static class VoicesCheckCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create(IServiceProvider services, CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Print the report as JSON." };
        var command = new Command("check", "Check that every pinned and recently used voice still exists and is usable.") { json };
        command.SetAction((parse, cancellationToken) => CommandErrors.RunAsync(context, async () =>
        {
            var checker = VoiceUpstreamServices.Require<VoiceHealthChecker>(services, "check");
            var report = await checker.CheckAsync(cancellationToken);
            if (parse.GetValue(json))
            {
                await context.Output.WriteLineAsync(JsonSerializer.Serialize(report, Json));
            }
            else
            {
                foreach (var voice in report.Voices)
                {
                    var fallbacks = voice.Fallbacks.Count == 0 ? "no fallback" : "fallbacks " + string.Join(", ", voice.Fallbacks);
                    await context.Output.WriteLineAsync($"{voice.Status,-22} {voice.Name} ({voice.VoiceId}, {voice.Source}, {voice.Ownership}, {fallbacks}){(voice.Message is null ? "" : ": " + voice.Message)}");
                }

                await context.Output.WriteLineAsync($"{report.Voices.Count} voices checked");
            }

            foreach (var broken in report.Broken)
            {
                await context.Error.WriteLineAsync($"error: voice {broken.Name} ({broken.VoiceId}) is {broken.Problem}: {broken.Message}");
            }

            return report.Healthy ? ExitCodes.Success : ExitCodes.Failure;
        }));
        return command;
    }
}
