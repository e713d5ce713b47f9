using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SpeechGate.Hosting;
using SpeechGate.Server;
using SpeechGate.Server.Hosting;

namespace SpeechGate.Cli.Commands;

/// <summary><c>speechgate serve [--port N] [--host H]</c>: runs the ElevenLabs-compatible gateway until stopped.</summary>
internal static class ServeCommand
{
    public static Command Create(IServiceProvider services, CliContext context, Action<IServiceCollection>? configureGateway)
    {
        var port = new Option<int>("--port") { Description = "Port to listen on (0: any free port).", DefaultValueFactory = _ => GatewayHostOptions.DefaultPort };
        var host = new Option<string>("--host") { Description = "Address to bind; anything but loopback needs a gateway key.", DefaultValueFactory = _ => "127.0.0.1" };
        var https = new Option<bool>("--https") { Description = $"Serve HTTPS and wss:// with {GatewayCertificates.Section} from configuration, else the certificate of `speechgate certs create`." };
        var command = new Command("serve", "Run the ElevenLabs-compatible gateway (and OpenAI /v1/audio/speech) until Ctrl+C.") { port, host, https };
        command.SetAction((parse, cancellationToken) => CommandErrors.RunAsync(context, async () =>
        {
            var options = new GatewayHostOptions
            {
                Host = parse.GetValue(host)!,
                Port = parse.GetValue(port),
                DataDirectory = SpeechGatePaths.DataDirectory,
                Configuration = services.GetRequiredService<IConfiguration>(),
            };

            WebApplication app;
            try
            {
                options.Certificate = parse.GetValue(https)
                    ? GatewayCertificates.Load(services.GetRequiredService<IConfiguration>(), options.DataDirectory, TimeProvider.System)
                    : null;
                app = GatewayApplication.Build(options, configureGateway);
            }
            catch (GatewayCertificateException error)
            {
                await context.Error.WriteLineAsync($"error: {error.Message}");
                return ExitCodes.InvalidInput;
            }
            catch (Exception error) when (error is InvalidOperationException or ArgumentException)
            {
                await context.Error.WriteLineAsync($"error: {error.Message}");
                return ExitCodes.Failure;
            }

            await using (app)
            {
                try
                {
                    await app.StartAsync(cancellationToken);
                }
                catch (Exception error) when (error is IOException or InvalidOperationException or System.Security.Cryptography.CryptographicException)
                {
                    // A port in use, or Kestrel refusing an endpoint or certificate of its own configuration.
                    await context.Error.WriteLineAsync($"error: the gateway could not start: {error.Message.ReplaceLineEndings(" ")}");
                    return ExitCodes.Failure;
                }

                var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
                await context.Error.WriteLineAsync($"speechgate: listening on {string.Join(", ", addresses)} (data: {options.DataDirectory}); Ctrl+C stops");
                await WaitForStopAsync(app, cancellationToken);
                await app.StopAsync(CancellationToken.None);
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static async Task WaitForStopAsync(WebApplication app, CancellationToken cancellationToken)
    {
        var stopping = app.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stopping);
        await Task.Delay(Timeout.Infinite, either.Token).ContinueWith(_ => { }, TaskScheduler.Default);
    }
}
