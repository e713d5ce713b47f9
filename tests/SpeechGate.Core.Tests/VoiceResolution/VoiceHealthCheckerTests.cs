using Microsoft.Extensions.DependencyInjection;
using SpeechGate.Synthesis;
using SpeechGate.VoiceResolution;

namespace SpeechGate.Core.Tests.VoiceResolution;

public sealed class VoiceHealthCheckerTests : IDisposable
{
    private const string Yaml = "voices:\n  narrator: LIBRARYVOICE00000001\n  george: PREMADEVOICE00000001\n";
    private readonly VoicePipelineFixture _fixture = new();

    public VoiceHealthCheckerTests()
    {
        _fixture.Upstream.WithLibraryVoice("LIBRARYVOICE00000001", "owner-7").WithVoice("PREMADEVOICE00000001", "premade");
    }

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task CheckAsync_AllPresent_IsHealthy()
    {
        await using var services = _fixture.Build(Yaml);
        await services.GetRequiredService<VoicePinner>().PinAsync("narrator");

        var report = await services.GetRequiredService<VoiceHealthChecker>().CheckAsync();

        Assert.True(report.Healthy);
        Assert.Equal(["george", "narrator"], report.Voices.Select(v => v.Name).Order());
        Assert.All(report.Voices, voice => Assert.Equal(VoiceHealthStatus.Ok, voice.Status));
    }

    [Fact]
    public async Task CheckAsync_PinnedCopyRemoved_IsUnhealthyNamingIt()
    {
        await using var services = _fixture.Build(Yaml);
        var pin = await services.GetRequiredService<VoicePinner>().PinAsync("narrator");
        _fixture.Upstream.Remove(pin.Pin.VoiceId);

        var report = await services.GetRequiredService<VoiceHealthChecker>().CheckAsync();

        Assert.False(report.Healthy);
        var broken = Assert.Single(report.Broken);
        Assert.Equal(("narrator", pin.Pin.VoiceId, VoiceHealthStatus.Missing), (broken.Name, broken.VoiceId, broken.Status));
    }

    [Fact]
    public async Task CheckAsync_LibraryOriginalRemoved_ReportsButStaysHealthy()
    {
        await using var services = _fixture.Build(Yaml);
        await services.GetRequiredService<VoicePinner>().PinAsync("narrator");
        _fixture.Upstream.Remove("LIBRARYVOICE00000001");

        var report = await services.GetRequiredService<VoiceHealthChecker>().CheckAsync();

        Assert.True(report.Healthy);
        Assert.Equal(VoiceHealthStatus.OriginalGone, report.Voices.Single(v => v.Name == "narrator").Status);
    }

    [Fact]
    public async Task CheckAsync_CategoryChangedAndUnpinnedLibraryVoice_AreReported()
    {
        await using var services = _fixture.Build(Yaml);
        await services.GetRequiredService<VoicePinner>().PinAsync("george");
        _fixture.Upstream.Update("PREMADEVOICE00000001", voice => voice with { Category = "professional" });

        var report = await services.GetRequiredService<VoiceHealthChecker>().CheckAsync();

        var george = report.Voices.Single(v => v.Name == "george");
        Assert.Equal((VoiceHealthStatus.CategoryChanged, "premade", "professional"), (george.Status, george.PinnedCategory, george.Category));
        var narrator = report.Voices.Single(v => v.Name == "narrator");
        Assert.Equal(VoiceHealthStatus.Unpinned, narrator.Status);

        // A raw library id with no fallback is load-bearing on something its publisher can take away: the check fails.
        Assert.Equal((VoiceOwnership.Library, "raw_library_voice_without_fallback"), (narrator.Ownership, narrator.Problem));
        Assert.False(report.Healthy);
        Assert.Equal(VoiceOwnership.Premade, george.Ownership);
    }

    [Fact]
    public async Task CheckAsync_RawLibraryVoiceWithFallback_PassesAndListsTheFallback()
    {
        await using var services = _fixture.Build("voices:\n  narrator:\n    voice_id: LIBRARYVOICE00000001\n    fallbacks: [george]\n  george: PREMADEVOICE00000001\n");

        var report = await services.GetRequiredService<VoiceHealthChecker>().CheckAsync();

        var narrator = report.Voices.Single(v => v.Name == "narrator");
        Assert.Equal(VoiceOwnership.Library, narrator.Ownership);
        Assert.Equal(["george"], narrator.Fallbacks);
        Assert.Null(narrator.Problem);
        Assert.Equal(["narrator"], report.Voices.Single(v => v.Name == "george").DependedOnBy);
        Assert.True(report.Healthy);
    }

    [Fact]
    public async Task CheckAsync_RemovalNotice_FailsNamingTheDate_WithdrawalClearsIt()
    {
        var notices = Path.Combine(_fixture.Directory, "notices.json");
        await using var services = _fixture.Build(Yaml, options => options.NoticesFile = notices);
        var pin = await services.GetRequiredService<VoicePinner>().PinAsync("narrator");
        var store = services.GetRequiredService<VoiceNoticeStore>();
        var removal = new DateTimeOffset(2027, 1, 15, 0, 0, 0, TimeSpan.Zero);

        // The notice names the library original; the pinned copy depends on it.
        await store.ApplyAsync(VoiceWebhookEvents.RemovalNotice, new VoiceRemovalNotice("LIBRARYVOICE00000001", VoiceWebhookEvents.RemovalNotice, removal.AddDays(-30)) { RemovalAt = removal });
        var announced = await services.GetRequiredService<VoiceHealthChecker>().CheckAsync();
        await store.ApplyAsync(VoiceWebhookEvents.RemovalNoticeWithdrawn, new VoiceRemovalNotice("LIBRARYVOICE00000001", VoiceWebhookEvents.RemovalNoticeWithdrawn, removal));
        var withdrawn = await services.GetRequiredService<VoiceHealthChecker>().CheckAsync();

        var narrator = announced.Voices.Single(v => v.Name == "narrator");
        Assert.Equal((VoiceHealthStatus.RemovalAnnounced, VoiceOwnership.PinnedCopy, removal), (narrator.Status, narrator.Ownership, narrator.RemovalAt!.Value));
        Assert.Contains("removal announced for 2027-01-15", narrator.Message, StringComparison.Ordinal);
        Assert.Equal(pin.Pin.VoiceId, narrator.VoiceId);
        Assert.False(announced.Healthy);
        Assert.True(withdrawn.Healthy);
        Assert.Equal(VoiceHealthStatus.Ok, withdrawn.Voices.Single(v => v.Name == "narrator").Status);
    }

    [Fact]
    public async Task CheckAsync_UnpinnedAliasUnshared_IsUnhealthy()
    {
        await using var services = _fixture.Build(Yaml);
        _fixture.Upstream.Update("LIBRARYVOICE00000001", voice => voice with { SharingStatus = "disabled" });

        var report = await services.GetRequiredService<VoiceHealthChecker>().CheckAsync();

        Assert.Equal(VoiceHealthStatus.Unshared, Assert.Single(report.Broken).Status);
    }

    [Fact]
    public async Task CheckAsync_RecentlyUsedVoiceRemoved_IsReportedNotLoadBearing()
    {
        _fixture.Upstream.WithVoice("RECENTVOICE000000001", "cloned");
        await using var services = _fixture.Build("");
        await using (var audio = await services.GetRequiredService<ISpeechSynthesizer>().SynthesizeAsync(new SpeechRequest("Hi.", "RECENTVOICE000000001")))
        {
            await audio.ReadAllBytesAsync();
        }

        _fixture.Upstream.Remove("RECENTVOICE000000001");

        var report = await services.GetRequiredService<VoiceHealthChecker>().CheckAsync();

        var recent = Assert.Single(report.Voices);
        Assert.Equal(("RECENTVOICE000000001", VoiceHealthStatus.Missing, "recent", false), (recent.VoiceId, recent.Status, recent.Source, recent.LoadBearing));
        Assert.True(report.Healthy);
    }
}
