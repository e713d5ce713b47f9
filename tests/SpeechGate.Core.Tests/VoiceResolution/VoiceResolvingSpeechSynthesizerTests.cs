using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using SpeechGate.Synthesis;
using SpeechGate.VoiceResolution;

namespace SpeechGate.Core.Tests.VoiceResolution;

public sealed class VoiceResolvingSpeechSynthesizerTests : IDisposable
{
    private const string Yaml = """
        voices:
          narrator:
            voice_id: LIBRARYVOICE00000001
            model: eleven_flash_v2_5
            settings: { stability: 0.3, speed: 1.1 }
            fallbacks: [backup, local:en-us]
            dev: local-narrator
          backup: BACKUPVOICE000000001
          plain: PLAINVOICE0000000001
        dev:
          default: local-default
        """;

    private readonly VoicePipelineFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task SynthesizeAsync_PinnedAlias_SendsStableIdWithAliasDefaults()
    {
        await VoiceLockFile.WriteAsync(_fixture.LockPath, VoiceLock.Empty.With("narrator", new VoicePin("STABLECOPY0000000001", "LIBRARYVOICE00000001", "professional")));
        await using var services = _fixture.Build(Yaml);
        var request = new SpeechRequest("Hello.", "narrator") { VoiceSettings = new VoiceSettings { Speed = 0.9 } };

        await using var audio = await services.GetRequiredService<ISpeechSynthesizer>().SynthesizeAsync(request);

        var sent = Assert.Single(_fixture.ElevenLabs.Requests);
        Assert.Equal("STABLECOPY0000000001", sent.VoiceId);
        Assert.Equal("eleven_flash_v2_5", sent.ModelId);
        Assert.Equal(new VoiceSettings { Stability = 0.3, Speed = 0.9 }, sent.VoiceSettings);
        Assert.Equal("STABLECOPY0000000001", audio.ResolvedVoiceId);
        Assert.Null(audio.FallbackFromVoiceId);
    }

    [Fact]
    public async Task SynthesizeAsync_PrimaryNotFound_FallbackServesAndIsMarkedAndCounted()
    {
        await using var services = _fixture.Build(Yaml);
        _fixture.ElevenLabs.OnSynthesize = (request, _) => request.VoiceId == "LIBRARYVOICE00000001"
            ? throw SpeechException.VoiceNotFound(request.VoiceId)
            : Task.FromResult(SpeechAudio.FromBytes("backup"u8.ToArray(), "audio/mpeg"));
        using var fallbacks = new FallbackCounter();

        await using var audio = await services.GetRequiredService<ISpeechSynthesizer>().SynthesizeAsync(new SpeechRequest("Hello.", "narrator"));

        Assert.Equal("backup"u8.ToArray(), await audio.ReadAllBytesAsync());
        Assert.Equal("BACKUPVOICE000000001", audio.ResolvedVoiceId);
        Assert.Equal("LIBRARYVOICE00000001", audio.FallbackFromVoiceId);
        Assert.Equal(["LIBRARYVOICE00000001", "BACKUPVOICE000000001"], _fixture.ElevenLabs.Requests.Select(r => r.VoiceId));
        Assert.Equal(1, fallbacks.For("narrator"));
    }

    [Fact]
    public async Task SynthesizeAsync_NotFoundWhenStreamStarts_FallsBackToLocalLastResort()
    {
        await using var services = _fixture.Build(Yaml);
        _fixture.ElevenLabs.OnSynthesize = (request, _) => Task.FromResult(new SpeechAudio("audio/mpeg", FailingChunks(request.VoiceId)));

        await using var audio = await services.GetRequiredService<ISpeechSynthesizer>().SynthesizeAsync(new SpeechRequest("Hello.", "narrator"));

        var local = Assert.Single(_fixture.Local.Requests);
        Assert.Equal("en-us", local.VoiceId);
        Assert.Equal("local", local.Provider);
        Assert.Null(local.ModelId);
        Assert.Equal(FakeSpeechSynthesizerBytes(local), await audio.ReadAllBytesAsync());
        Assert.Equal("en-us", audio.ResolvedVoiceId);
    }

    [Fact]
    public async Task SynthesizeAsync_NoFallbacks_OriginalNotFoundPropagates()
    {
        await using var services = _fixture.Build(Yaml);
        var original = SpeechException.VoiceNotFound("PLAINVOICE0000000001");
        _fixture.ElevenLabs.OnSynthesize = (_, _) => throw original;

        var error = await Assert.ThrowsAsync<VoiceNotFoundException>(() => services.GetRequiredService<ISpeechSynthesizer>().SynthesizeAsync(new SpeechRequest("Hello.", "plain")));

        Assert.Same(original, error);
        Assert.Single(_fixture.ElevenLabs.Requests);
    }

    [Fact]
    public async Task SynthesizeAsync_OtherError_DoesNotFallBack()
    {
        await using var services = _fixture.Build(Yaml);
        _fixture.ElevenLabs.OnSynthesize = (_, _) => throw new SpeechException(401, "quota_exceeded", "Out of credits.");

        var error = await Assert.ThrowsAsync<SpeechException>(() => services.GetRequiredService<ISpeechSynthesizer>().SynthesizeAsync(new SpeechRequest("Hello.", "narrator")));

        Assert.Equal("quota_exceeded", error.Status);
        Assert.Single(_fixture.ElevenLabs.Requests);
        Assert.Empty(_fixture.Local.Requests);
    }

    [Theory]
    [InlineData("narrator", "local-narrator")]
    [InlineData("backup", "local-default")]
    [InlineData("UNMAPPEDVOICE0000001", "local-default")]
    public async Task SynthesizeAsync_DevMode_RoutesToLocalWithMappedVoiceAndNeverCallsElevenLabs(string voice, string expected)
    {
        await using var services = _fixture.Build(Yaml, options => options.Mode = "dev");

        await using var audio = await services.GetRequiredService<ISpeechSynthesizer>().SynthesizeAsync(new SpeechRequest("Hello.", voice) { Provider = "elevenlabs" });

        Assert.Empty(_fixture.ElevenLabs.Requests);
        Assert.Equal(expected, Assert.Single(_fixture.Local.Requests).VoiceId);
        Assert.Equal(expected, audio.ResolvedVoiceId);
    }

    [Fact]
    public async Task SynthesizeAsync_DevModeWithoutMapping_UsesConfiguredLocalDefault()
    {
        await using var services = _fixture.Build("voices:\n  plain: PLAINVOICE0000000001\n", options =>
        {
            options.Mode = "dev";
            options.DevDefaultVoiceId = "LOCALDEFAULT00000001";
        });

        await using var audio = await services.GetRequiredService<ISpeechSynthesizer>().SynthesizeAsync(new SpeechRequest("Hello.", "plain"));

        Assert.Equal("LOCALDEFAULT00000001", Assert.Single(_fixture.Local.Requests).VoiceId);
        Assert.Empty(_fixture.ElevenLabs.Requests);
    }

    [Fact]
    public async Task SynthesizeAsync_ProviderLocalWithAlias_UsesDevVoice()
    {
        await using var services = _fixture.Build(Yaml);

        await using var audio = await services.GetRequiredService<ISpeechSynthesizer>().SynthesizeAsync(new SpeechRequest("Hello.", "narrator") { Provider = "local" });

        Assert.Equal("local-narrator", Assert.Single(_fixture.Local.Requests).VoiceId);
        Assert.Empty(_fixture.ElevenLabs.Requests);
    }

    [Fact]
    public async Task SynthesizeAsync_ProviderLocalWithUnmappedId_PassesThrough()
    {
        await using var services = _fixture.Build(Yaml);

        await using var audio = await services.GetRequiredService<ISpeechSynthesizer>().SynthesizeAsync(new SpeechRequest("Hello.", "LOCALVOICEID00000001") { Provider = "local" });

        Assert.Equal("LOCALVOICEID00000001", Assert.Single(_fixture.Local.Requests).VoiceId);
    }

    [Fact]
    public async Task SynthesizeAsync_BadConfiguration_FailsWithFileAndLine()
    {
        await using var services = _fixture.Build("voices:\n  narrator:\n    voice_id: AAAAAAAAAAAAAAAAAAAA\n    fallbacks: [ghost]\n");

        var error = await Assert.ThrowsAsync<VoiceConfigurationException>(() => services.GetRequiredService<ISpeechSynthesizer>().SynthesizeAsync(new SpeechRequest("Hello.", "narrator")));

        Assert.Equal(_fixture.CatalogPath, error.FilePath);
        Assert.Equal(4, error.Line);
        Assert.Empty(_fixture.ElevenLabs.Requests);
    }

    [Fact]
    public async Task SynthesizeAsync_StageAfterResolution_SeesResolvedRequest()
    {
        await VoiceLockFile.WriteAsync(_fixture.LockPath, VoiceLock.Empty.With("narrator", new VoicePin("STABLECOPY0000000001", "LIBRARYVOICE00000001", "professional")));
        var seen = new List<SpeechRequest>();
        await using var services = _fixture.Build(Yaml, innerStage: inner => new RecordingSpeechSynthesizer(inner, seen));

        await using var audio = await services.GetRequiredService<ISpeechSynthesizer>().SynthesizeAsync(new SpeechRequest("Hello.", "narrator"));

        // The cache sits here in production: it must key on the stable id and the alias defaults, never the alias.
        var request = Assert.Single(seen);
        Assert.Equal(("STABLECOPY0000000001", "eleven_flash_v2_5", 0.3), (request.VoiceId, request.ModelId, request.VoiceSettings!.Stability));
    }

    private static byte[] FakeSpeechSynthesizerBytes(SpeechRequest request) => Testing.FakeSpeechSynthesizer.ExpectedBytes(request);

    private static async IAsyncEnumerable<AudioChunk> FailingChunks(string voiceId)
    {
        await Task.Yield();
        throw SpeechException.VoiceNotFound(voiceId);
#pragma warning disable CS0162 // An iterator needs a yield; the throw above is the point.
        yield break;
#pragma warning restore CS0162
    }

    private sealed class RecordingSpeechSynthesizer(ISpeechSynthesizer inner, List<SpeechRequest> seen) : DelegatingSpeechSynthesizer(inner)
    {
        public override Task<SpeechAudio> SynthesizeAsync(SpeechRequest request, CancellationToken cancellationToken = default)
        {
            seen.Add(request);
            return base.SynthesizeAsync(request, cancellationToken);
        }
    }

    private sealed class FallbackCounter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly Dictionary<string, long> _counts = [];

        public FallbackCounter()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == VoiceResolutionMetrics.MeterName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag.Key == "voice" && tag.Value is string voice)
                    {
                        lock (_counts)
                        {
                            _counts[voice] = _counts.GetValueOrDefault(voice) + value;
                        }
                    }
                }
            });
            _listener.Start();
        }

        public long For(string voice)
        {
            lock (_counts)
            {
                return _counts.GetValueOrDefault(voice);
            }
        }

        public void Dispose() => _listener.Dispose();
    }
}
