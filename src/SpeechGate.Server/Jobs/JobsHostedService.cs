using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using SpeechGate.Jobs;

namespace SpeechGate.Server.Jobs;

/// <summary>
/// Runs the configured jobs inside <c>serve</c> (<c>JobService:Enabled</c>, default true) once the gateway listens, so
/// webhook receivers get file URLs on a live address.
/// </summary>
internal sealed class JobsHostedService(
    JobScheduler scheduler,
    JobRunner runner,
    IOptions<JobServiceOptions> options,
    IHostApplicationLifetime lifetime,
    IServer server) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        try
        {
            await WaitForStartAsync(stoppingToken);
            runner.PublicUrl ??= ListeningAddress();
            await scheduler.RunAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: open runs are released and resume on the next start.
        }
    }

    private async Task WaitForStartAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var onStopping = stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        await started.Task;
    }

    private Uri? ListeningAddress()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null)
        {
            return null;
        }

        // A wildcard bind is not an address anyone can fetch from; loopback is right for receivers on this machine.
        address = address.Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal).Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal);
        return new Uri(address.EndsWith('/') ? address : address + "/");
    }
}
