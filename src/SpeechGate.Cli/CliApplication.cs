using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SpeechGate.Cli.Commands;
using SpeechGate.Synthesis;

namespace SpeechGate.Cli;

/// <summary>Builds the <c>speechgate</c> command tree and runs it.</summary>
internal static class CliApplication
{
    private static readonly string[] ProviderNames = [SpeechProviderNames.Local, SpeechProviderNames.ElevenLabs];

    public static RootCommand CreateRootCommand(IServiceProvider services, CliContext context, Action<IServiceCollection>? configureGateway = null)
    {
        var providers = ProviderNames.Where(name => services.GetKeyedService<Voices.IVoiceDirectory>(name) is not null).ToArray();
        return new RootCommand("SpeechGate: production text-to-speech that caches, budgets and pins voices.")
        {
            SayCommand.Create(services, context),
            VoicesCommand.Create(services, context, providers),
            EstimateCommand.Create(services, context),
            ProofCommand.Create(services, context),
            DiffCommand.Create(services, context),
            RenderCommand.Create(services, context),
            BudgetCommand.Create(services, context),
            LedgerCommand.Create(services, context),
            CacheCommand.Create(services, context),
            ServeCommand.Create(services, context, configureGateway),
            JobsCommand.Create(services, context),
            KeysCommand.Create(context),
            CertsCommand.Create(context),
        };
    }

    public static async Task<int> RunAsync(string[] args, CliContext context, Action<IServiceCollection>? configure = null, CancellationToken cancellationToken = default)
    {
        IConfiguration configuration;
        try
        {
            configuration = CliServices.LoadConfiguration();
        }
        catch (Synthesis.SpeechException error)
        {
            await context.Error.WriteLineAsync($"error: {error.Message}");
            return ExitCodes.InvalidInput;
        }

        await using var services = CliServices.Build(configuration, configure);
        var root = CreateRootCommand(services, context, configure);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // Bad options are bad input: one line each and exit 2 (System.CommandLine's own answer is help and exit 1).
            foreach (var error in parse.Errors)
            {
                await context.Error.WriteLineAsync($"error: {error.Message}");
            }

            return ExitCodes.InvalidInput;
        }

        var invocation = new InvocationConfiguration { Output = context.Output, Error = context.Error, EnableDefaultExceptionHandler = false };
        try
        {
            return await parse.InvokeAsync(invocation, cancellationToken);
        }
        catch (Exception error) when (CommandErrors.Describe(error) is { } described)
        {
            await context.Error.WriteLineAsync($"error: {described.Message}");
            return described.ExitCode;
        }
    }
}
