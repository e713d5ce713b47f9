using Microsoft.Extensions.DependencyInjection;
using SpeechGate.VoiceResolution;

namespace SpeechGate.Core.Tests.VoiceResolution;

public sealed class VoiceHealthMonitorTests : IDisposable
{
    private readonly VoicePipelineFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task GetReportAsync_WithinMaxAge_ReusesReport()
    {
        _fixture.Upstream.WithVoice("PREMADEVOICE00000001", "premade");
        await using var services = _fixture.Build("voices:\n  george: PREMADEVOICE00000001\n");
        var monitor = services.GetRequiredService<VoiceHealthMonitor>();

        var first = await monitor.GetReportAsync(TimeSpan.FromMinutes(5));
        _fixture.Time.Advance(TimeSpan.FromMinutes(4));
        var second = await monitor.GetReportAsync(TimeSpan.FromMinutes(5));

        Assert.Same(first, second);
        Assert.Equal(1, _fixture.Upstream.GetCalls);
    }

    [Fact]
    public async Task GetReportAsync_OlderThanMaxAge_ChecksAgainAndSeesRemoval()
    {
        _fixture.Upstream.WithVoice("PREMADEVOICE00000001", "premade");
        await using var services = _fixture.Build("voices:\n  george: PREMADEVOICE00000001\n");
        var monitor = services.GetRequiredService<VoiceHealthMonitor>();
        Assert.True((await monitor.GetReportAsync(TimeSpan.FromMinutes(5))).Healthy);
        _fixture.Upstream.Remove("PREMADEVOICE00000001");

        _fixture.Time.Advance(TimeSpan.FromMinutes(6));
        var report = await monitor.GetReportAsync(TimeSpan.FromMinutes(5));

        Assert.False(report.Healthy);
        Assert.Same(report, monitor.Latest);
        Assert.Equal(2, _fixture.Upstream.GetCalls);
    }

    [Fact]
    public async Task Report_SerializesWithHealthyAndBroken()
    {
        await using var services = _fixture.Build("voices:\n  george: PREMADEVOICE00000001\n");

        var report = await services.GetRequiredService<VoiceHealthChecker>().CheckAsync();
        var json = System.Text.Json.JsonSerializer.Serialize(report, System.Text.Json.JsonSerializerOptions.Web);

        Assert.Contains("\"healthy\":false", json, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"missing\"", json, StringComparison.Ordinal);
        Assert.Contains("\"name\":\"george\"", json, StringComparison.Ordinal);
    }
}
