using Microsoft.Extensions.DependencyInjection;
using SpeechGate.Synthesis;
using SpeechGate.VoiceResolution;

namespace SpeechGate.Core.Tests.VoiceResolution;

public sealed class VoicePinnerTests : IDisposable
{
    private const string Yaml = "voices:\n  narrator: LIBRARYVOICE00000001\n  george: PREMADEVOICE00000001\n";
    private readonly VoicePipelineFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task PinAsync_SharedLibraryVoice_AddsToMyVoicesAndLocksNewId()
    {
        _fixture.Upstream.WithLibraryVoice("LIBRARYVOICE00000001", "owner-7", "Deep Narrator");
        await using var services = _fixture.Build(Yaml);

        var result = await services.GetRequiredService<VoicePinner>().PinAsync("narrator");

        Assert.True(result.AddedFromLibrary);
        Assert.Equal(("owner-7", "LIBRARYVOICE00000001"), Assert.Single(_fixture.Upstream.AddCalls));
        var pin = VoiceLockFile.Read(_fixture.LockPath).Find("narrator")!;
        Assert.Equal(result.Pin.VoiceId, pin.VoiceId);
        Assert.NotEqual("LIBRARYVOICE00000001", pin.VoiceId);
        Assert.Equal("LIBRARYVOICE00000001", pin.OriginalVoiceId);
        Assert.Equal("owner-7", pin.Owner);
        Assert.Equal("elevenlabs", pin.Provider);
    }

    [Fact]
    public async Task PinAsync_Twice_AddsLibraryVoiceOnce()
    {
        _fixture.Upstream.WithLibraryVoice("LIBRARYVOICE00000001", "owner-7");
        await using var services = _fixture.Build(Yaml);
        var pinner = services.GetRequiredService<VoicePinner>();

        var first = await pinner.PinAsync("narrator");
        var second = await pinner.PinAsync("narrator");

        Assert.Single(_fixture.Upstream.AddCalls);
        Assert.Equal(first.Pin.VoiceId, second.Pin.VoiceId);
    }

    [Fact]
    public async Task PinAsync_PremadeVoiceById_RecordsItWithoutAdding()
    {
        _fixture.Upstream.WithVoice("PREMADEVOICE00000001", "premade", "George");
        await using var services = _fixture.Build(Yaml);

        var result = await services.GetRequiredService<VoicePinner>().PinAsync("PREMADEVOICE00000001");

        Assert.False(result.AddedFromLibrary);
        Assert.Empty(_fixture.Upstream.AddCalls);
        var pin = VoiceLockFile.Read(_fixture.LockPath).Find("PREMADEVOICE00000001")!;
        Assert.Equal(("PREMADEVOICE00000001", "premade", "George"), (pin.VoiceId, pin.Category, pin.Name));
    }

    [Fact]
    public async Task PinAsync_GoneVoice_ThrowsNotFoundAndWritesNothing()
    {
        await using var services = _fixture.Build(Yaml);

        var error = await Assert.ThrowsAsync<VoiceNotFoundException>(() => services.GetRequiredService<VoicePinner>().PinAsync("narrator"));

        Assert.Equal("voice_not_found", error.Status);
        Assert.False(File.Exists(_fixture.LockPath));
    }

    [Fact]
    public async Task PinAsync_UnknownAlias_ThrowsNamingIt()
    {
        await using var services = _fixture.Build(Yaml);

        var error = await Assert.ThrowsAsync<VoiceNotFoundException>(() => services.GetRequiredService<VoicePinner>().PinAsync("narator"));

        Assert.Contains("'narator'", error.Message, StringComparison.Ordinal);
        Assert.Equal(404, error.StatusCode);
    }

    [Fact]
    public async Task DesignAsync_CreatesOwnedVoiceAndPinsIt()
    {
        await using var services = _fixture.Build(Yaml);

        var result = await services.GetRequiredService<VoicePinner>().DesignAsync("A calm old sailor.", "Sailor", "sailor");

        Assert.Equal(1, _fixture.Upstream.DesignCalls);
        var pin = VoiceLockFile.Read(_fixture.LockPath).Find("sailor")!;
        Assert.Equal((result.Pin.VoiceId, "generated"), (pin.VoiceId, pin.Category));
    }

    [Fact]
    public async Task PinnedAlias_AfterLibraryVoiceRemoved_StillResolvesToCopy()
    {
        _fixture.Upstream.WithLibraryVoice("LIBRARYVOICE00000001", "owner-7");
        await using var services = _fixture.Build(Yaml);
        var pin = await services.GetRequiredService<VoicePinner>().PinAsync("narrator");
        _fixture.Upstream.Remove("LIBRARYVOICE00000001");

        await using var audio = await services.GetRequiredService<ISpeechSynthesizer>().SynthesizeAsync(new SpeechRequest("Hi.", "narrator"));

        Assert.Equal(pin.Pin.VoiceId, Assert.Single(_fixture.ElevenLabs.Requests).VoiceId);
    }
}
