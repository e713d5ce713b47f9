namespace SpeechGate.VoiceResolution;

/// <summary>Keeps the latest voice health report for the server: re-checks when it is older than asked, or on a timer.</summary>
/// <remarks>Thread-safe; concurrent callers share one check in flight, so a busy health endpoint never floods the upstream.</remarks>
public sealed class VoiceHealthMonitor(VoiceHealthChecker checker, TimeProvider time)
{
    private readonly Lock _gate = new();
    private Task<VoiceHealthReport>? _inFlight;

    /// <summary>The latest finished report, or null before the first check.</summary>
    public VoiceHealthReport? Latest { get; private set; }

    /// <summary>The latest report if younger than <paramref name="maxAge"/>, else a fresh one (<c>GET /v1/speechgate/voices/health</c>).</summary>
    public Task<VoiceHealthReport> GetReportAsync(TimeSpan maxAge, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (Latest is { } latest && time.GetUtcNow() - latest.CheckedAt <= maxAge)
            {
                return Task.FromResult(latest);
            }

            // The shared check is not cancelled by one caller leaving; each caller stops waiting on its own token.
            if (_inFlight is null || _inFlight.IsCompleted)
            {
                _inFlight = CheckAsync();
            }

            return _inFlight.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Forgets the latest report, so the next request checks afresh (a removal notice just arrived).</summary>
    public void Invalidate()
    {
        lock (_gate)
        {
            Latest = null;
        }
    }

    /// <summary>Checks every <paramref name="interval"/> until cancelled; a failed check is kept out of <see cref="Latest"/> and retried next time.</summary>
    public async Task RunAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval, time);
        do
        {
            try
            {
                await GetReportAsync(TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // The upstream may be briefly down; the next tick tries again.
            }
        }
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
    }

    private async Task<VoiceHealthReport> CheckAsync()
    {
        var report = await checker.CheckAsync(CancellationToken.None).ConfigureAwait(false);
        Latest = report;
        return report;
    }
}
