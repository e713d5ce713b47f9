using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SpeechGate.Synthesis;
using SpeechGate.Voices;

namespace SpeechGate.Providers.Local.Tests;

public sealed class LocalSpeechServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddLocalSpeechProvider_RegistersKeyedSynthesizerAndDirectory()
    {
        await using var services = Build(new Dictionary<string, string?>());

        var synthesizer = services.GetRequiredKeyedService<ISpeechSynthesizer>("local");
        var directory = services.GetRequiredKeyedService<IVoiceDirectory>("local");

        Assert.IsType<LocalSpeechSynthesizer>(synthesizer);
        Assert.Same(synthesizer, services.GetRequiredKeyedService<ISpeechSynthesizer>("local"));
        Assert.Equal("local", directory.Provider);
        Assert.NotNull(await directory.GetVoiceAsync(LocalVoices.DefaultVoiceId));
    }

    [Fact]
    public async Task AddLocalSpeechProvider_BindsProvidersLocal()
    {
        await using var services = Build(new Dictionary<string, string?> { ["Providers:Local:DataPath"] = "/usr/lib/x86_64-linux-gnu" });

        Assert.Equal("/usr/lib/x86_64-linux-gnu", services.GetRequiredService<IOptions<LocalSpeechOptions>>().Value.DataPath);
    }

    [Fact]
    public async Task SynthesizeAsync_MissingDataDirectory_Throws503NamingThePackage()
    {
        // A fresh catalog over the process-wide engine with a bad path; the next test with the default path re-initialises.
        await using var services = Build(new Dictionary<string, string?> { ["Providers:Local:DataPath"] = "/nonexistent/speechgate" });
        var synthesizer = services.GetRequiredKeyedService<ISpeechSynthesizer>("local");

        var error = await Assert.ThrowsAsync<SpeechException>(() => synthesizer.SynthesizeAsync(new SpeechRequest("Hello.", LocalVoices.DefaultVoiceId)));

        Assert.Equal(503, error.StatusCode);
        Assert.Equal("local_engine_unavailable", error.Status);
        Assert.Contains("espeak-ng-data", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLocalSpeechProvider()
            .BuildServiceProvider();
    }
}
