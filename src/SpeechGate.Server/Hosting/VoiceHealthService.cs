using SpeechGate.VoiceResolution;

namespace SpeechGate.Server.Hosting;

/// <summary>
/// Re-checks the voices in voices.yaml every <c>VoiceHealth:Interval</c> (default 1 hour; <c>0</c> turns it off), so
/// <c>GET /v1/speechgate/voices/health</c> answers from a fresh report. Runs only when a voice upstream is configured.
/// </summary>
internal sealed class VoiceHealthService(IServiceProvider services, IConfiguration configuration) : BackgroundService
{
    public const string IntervalKey = "VoiceHealth:Interval";

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = configuration.GetValue(IntervalKey, TimeSpan.FromHours(1));
        if (interval <= TimeSpan.Zero || services.GetService<IVoiceUpstream>() is null)
        {
            return Task.CompletedTask;
        }

        return RunAsync(services.GetRequiredService<VoiceHealthMonitor>(), interval, stoppingToken);
    }

    private static async Task RunAsync(VoiceHealthMonitor monitor, TimeSpan interval, CancellationToken stoppingToken)
    {
        try
        {
            await monitor.RunAsync(interval, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}
