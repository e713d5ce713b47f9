using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SpeechGate.Caching;
using SpeechGate.Metering;
using SpeechGate.Synthesis;
using SpeechGate.Testing;
using SpeechGate.VoiceResolution;

namespace SpeechGate.Core.Tests;

public sealed class SpeechGateServiceCollectionExtensionsTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("speechgate-compose-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    private ServiceProvider Build(Dictionary<string, string?> settings, FakeSpeechSynthesizer provider, Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        services.AddKeyedSingleton<ISpeechSynthesizer>("local", provider);
        services.AddSpeechGate(configuration, _data, "dev-voice");
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void AddSpeechGate_ModeVariableAndVoicesSection_AreRead_StateLivesInTheDataDirectory()
    {
        using var services = Build(new() { ["MODE"] = "dev", ["Voices:File"] = "/srv/app/voices.yaml" }, new FakeSpeechSynthesizer());

        var voices = services.GetRequiredService<IOptions<VoiceResolutionOptions>>().Value;
        var cache = services.GetRequiredService<IOptions<SpeechCacheOptions>>().Value;

        Assert.True(voices.IsDevMode);
        Assert.Equal("/srv/app/voices.yaml", voices.CatalogPath);
        Assert.Equal("/srv/app/voices.lock", voices.LockPath);
        Assert.Equal("dev-voice", voices.DevDefaultVoiceId);
        Assert.Equal(Path.Combine(_data, "voices-recent.json"), voices.RecentVoicesFile);
        Assert.Equal(Path.Combine(_data, "cache"), cache.Directory);
    }

    [Fact]
    public void AddSpeechGate_CacheDirectoryChosenByTheHost_IsKept()
    {
        using var services = Build([], new FakeSpeechSynthesizer(), s => s.Configure<SpeechCacheOptions>(o => o.Directory = "/elsewhere"));

        Assert.Equal("/elsewhere", services.GetRequiredService<IOptions<SpeechCacheOptions>>().Value.Directory);
    }

    [Fact]
    public async Task AddSpeechGate_SameRequestTwice_ProviderCalledOnceAndBothLedgered()
    {
        var provider = new FakeSpeechSynthesizer();
        await using var services = Build(new() { ["Voices:RecentVoicesFile"] = Path.Combine(_data, "recent.json") }, provider);
        var pipeline = services.GetRequiredService<ISpeechSynthesizer>();

        for (var i = 0; i < 2; i++)
        {
            await using var audio = await pipeline.SynthesizeAsync(new SpeechRequest("composed", "voice"));
            await audio.ReadAllBytesAsync();
        }

        var totals = await services.GetRequiredService<IUsageLedger>().SummarizeAsync(LedgerGrouping.None, since: null);
        Assert.Equal(1, provider.Calls);
        Assert.Equal(2, totals[0].Requests);
        Assert.True(File.Exists(Path.Combine(_data, "speechgate.db")));
    }

    [Fact]
    public async Task AddSpeechGate_ProofingIsFirst_BilledNoiseSharesOneClipAndIsNeverSent()
    {
        var provider = new FakeSpeechSynthesizer();
        await using var services = Build(new() { ["Voices:RecentVoicesFile"] = Path.Combine(_data, "recent.json") }, provider);
        var pipeline = services.GetRequiredService<ISpeechSynthesizer>();

        foreach (var text in new[] { "  Hello   world\u200B ", "Hello world" })
        {
            await using var audio = await pipeline.SynthesizeAsync(new SpeechRequest(text, "voice"));
            await audio.ReadAllBytesAsync();
        }

        Assert.Equal("Hello world", Assert.Single(provider.Requests).Text);
    }
}
