using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SpeechGate.Caching;
using SpeechGate.Synthesis;
using SpeechGate.Testing;

namespace SpeechGate.Core.Tests.Caching;

public sealed class SpeechCacheServiceCollectionExtensionsTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private readonly FakeSpeechSynthesizer _provider = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task AddSpeechCache_WithUseCache_AnswersRepeatsFromTheConfiguredDirectory()
    {
        await using var services = Build(("Cache:Directory", _directory.Path), ("Cache:MemoryMaxBytes", "0"));
        var pipeline = services.GetRequiredService<ISpeechSynthesizer>();
        var request = new SpeechRequest("configured", "voice");

        await using (var miss = await pipeline.SynthesizeAsync(request))
        {
            await miss.ReadAllBytesAsync();
        }

        await ((CachingSpeechSynthesizer)pipeline).WhenIdleAsync();
        await using var hit = await pipeline.SynthesizeAsync(request);

        Assert.Equal(SpeechCacheStatus.Hit, hit.CacheStatus);
        Assert.Equal(FakeSpeechSynthesizer.ExpectedBytes(request), await hit.ReadAllBytesAsync());
        Assert.Equal(1, _provider.Calls);
        Assert.True(File.Exists(Path.Combine(_directory.Path, "index.db")));
        Assert.Same(services.GetRequiredService<FileSpeechCache>(), services.GetRequiredService<ISpeechCache>());
    }

    [Fact]
    public async Task UseCache_Disabled_LeavesThePipelineAlone()
    {
        await using var services = Build(("Cache:Directory", _directory.Path), ("Cache:Enabled", "false"));

        var pipeline = services.GetRequiredService<ISpeechSynthesizer>();

        Assert.Same(_provider, pipeline);
    }

    [Fact]
    public async Task AddSpeechCache_InvalidOptions_FailValidation()
    {
        await using var services = Build(("Cache:Directory", _directory.Path), ("Cache:MaxBytes", "0"));

        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<SpeechCacheOptions>>().Value);
    }

    [Fact]
    public void SpeechCacheOptions_Defaults_MatchTheDesign()
    {
        var options = new SpeechCacheOptions();

        Assert.Equal((1L << 30, 64L << 20, true), (options.MaxBytes, options.MemoryMaxBytes, options.Enabled));
        Assert.Equal("cache", Path.GetFileName(options.Directory));
    }

    private ServiceProvider Build(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)))
            .Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddSpeechCache();
        services.AddSpeechSynthesizer(_ => _provider).UseCache();
        return services.BuildServiceProvider();
    }
}
