using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SpeechGate.Synthesis;
using SpeechGate.Testing.FakeElevenLabs;
using SpeechGate.Voices;

namespace SpeechGate.Providers.ElevenLabs;

public sealed class ElevenLabsServiceCollectionExtensionsTests
{
    [Fact]
    public void AddElevenLabsSpeechProvider_BindsSection_AndEnvironmentKeysOverrideIt()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Providers:ElevenLabs:ApiKey"] = "sk_section",
            ["Providers:ElevenLabs:BaseUrl"] = "http://section.example/prefix",
            ["Providers:ElevenLabs:Tier"] = "pro",
            ["Providers:ElevenLabs:MaxRetries"] = "4",
            ["ELEVENLABS_API_KEY"] = "sk_env",
        }).Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging().AddElevenLabsSpeechProvider().BuildServiceProvider();

        var options = services.GetRequiredService<IOptions<ElevenLabsOptions>>().Value;

        Assert.Equal(("sk_env", "http://section.example/prefix", "pro", 4), (options.ApiKey, options.BaseUrl.ToString(), options.Tier, options.MaxRetries));
        Assert.Equal(ElevenLabsTenant.FromApiKey("sk_env"), options.Tenant);
    }

    [Fact]
    public void AddElevenLabsSpeechProvider_RegistersKeyedServicesAndTheClient()
    {
        using var services = new ServiceCollection().AddLogging().AddElevenLabsSpeechProvider().BuildServiceProvider();

        Assert.IsType<ElevenLabsSpeechSynthesizer>(services.GetRequiredKeyedService<ISpeechSynthesizer>("elevenlabs"));
        Assert.Equal("elevenlabs", services.GetRequiredKeyedService<IVoiceDirectory>("elevenlabs").Provider);
        Assert.NotNull(services.GetRequiredService<ElevenLabsClient>());
        Assert.Equal(new Uri("https://api.elevenlabs.io"), services.GetRequiredService<IOptions<ElevenLabsOptions>>().Value.BaseUrl);
    }

    [Fact]
    public async Task ProviderRouter_ElevenLabsRequest_ReachesTheFake()
    {
        await using var harness = await ElevenLabsHarness.StartAsync();
        var router = new ProviderRouter(harness.Services, new SpeechRequestResolver(new SpeechProviderOptions().Default));

        await using var audio = await router.SynthesizeAsync(new SpeechRequest("Routed.", FakeVoiceCatalog.Rachel) { Provider = "elevenlabs" });

        Assert.NotEmpty(await audio.ReadAllBytesAsync());
        Assert.Single(harness.Fake.Requests);
    }

    [Fact]
    public async Task Logs_AtTrace_NeverContainTheKey()
    {
        var logs = new CapturingLoggerProvider();
        await using var harness = await ElevenLabsHarness.StartAsync(logs: logs);
        harness.Fake.Enqueue(FakeFault.ServerError());

        await ElevenLabsSpeechSynthesizerTests.ReadAsync(harness, new SpeechRequest("Log me.", FakeVoiceCatalog.Rachel));
        await harness.Client.GetModelsAsync();
        await Assert.ThrowsAsync<ElevenLabsException>(() => harness.Synthesizer.SynthesizeAsync(new SpeechRequest("Log me.", "missing")));

        Assert.NotEmpty(logs.Lines);
        Assert.Contains(logs.Lines, line => line.Contains("xi-api-key", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, line => line.Contains(FakeElevenLabsServer.DefaultApiKey, StringComparison.Ordinal));
    }
}
