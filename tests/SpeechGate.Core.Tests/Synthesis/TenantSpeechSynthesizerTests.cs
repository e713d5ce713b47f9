using Microsoft.Extensions.DependencyInjection;
using SpeechGate.Synthesis;
using SpeechGate.Testing;

namespace SpeechGate.Core.Tests.Synthesis;

public class TenantSpeechSynthesizerTests
{
    [Fact]
    public async Task UseProviderTenant_StampsTheRoutedProvidersAccount_AndKeepsAnExplicitOne()
    {
        var provider = new FakeSpeechSynthesizer();
        var services = new ServiceCollection()
            .AddSingleton(new ProviderTenant("elevenlabs", _ => "elevenlabs:abc"))
            .Configure<SpeechProviderOptions>(o => o.Default = "elevenlabs");
        services.AddSpeechSynthesizer(_ => provider).UseProviderTenant();
        var pipeline = services.BuildServiceProvider().GetRequiredService<ISpeechSynthesizer>();

        await (await pipeline.SynthesizeAsync(new SpeechRequest("a", "v"))).DisposeAsync();
        await (await pipeline.SynthesizeAsync(new SpeechRequest("b", "v") { Provider = "local" })).DisposeAsync();
        await (await pipeline.SynthesizeAsync(new SpeechRequest("c", "v") { Tenant = "mine" })).DisposeAsync();

        Assert.Equal(["elevenlabs:abc", null, "mine"], provider.Requests.Select(r => r.Tenant));
    }
}
