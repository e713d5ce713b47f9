using Microsoft.Extensions.Logging.Abstractions;
using SpeechGate.Budgeting;
using SpeechGate.Synthesis;
using SpeechGate.Testing;

namespace SpeechGate.Core.Tests.Budgeting;

public class UpstreamQuotaTests
{
    [Fact]
    public async Task SynthesizeAsync_BeyondUpstreamQuota_RefusedLocallyAs401QuotaExceeded()
    {
        var reads = 0;
        var quota = new UpstreamQuota("elevenlabs", _ => { reads++; return Task.FromResult(new QuotaSnapshot(9_990, 10_000, null)); },
            new FakeTimeProvider(), NullLogger<UpstreamQuota>.Instance);
        await using var host = new BudgetTestHost(new FakeSpeechSynthesizer(), quota: quota);

        await host.SayAsync(new SpeechRequest("ten chars!", "v"));
        var error = await Assert.ThrowsAsync<QuotaExceededException>(() => host.SayAsync(new SpeechRequest("x", "v")));

        Assert.Equal(401, error.StatusCode);
        Assert.Equal("quota_exceeded", error.Status);
        Assert.Contains("You have 0 credits remaining, while 1 credits are required", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, host.Provider.Calls);
        Assert.Equal(1, reads);
        Assert.Equal(10_000, quota.Current!.Used);
    }

    [Fact]
    public async Task HoldAsync_SubscriptionUnreadable_AllowsTheCall()
    {
        var quota = new UpstreamQuota("elevenlabs", _ => throw new HttpRequestException("down"), new FakeTimeProvider(), NullLogger<UpstreamQuota>.Instance);

        using var hold = await quota.HoldAsync("elevenlabs", 100);

        Assert.NotNull(hold);
        Assert.Null(await quota.HoldAsync("local", 100));
    }
}
