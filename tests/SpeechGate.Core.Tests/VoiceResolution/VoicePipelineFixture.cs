using Microsoft.Extensions.DependencyInjection;
using SpeechGate.Synthesis;
using SpeechGate.Testing;
using SpeechGate.VoiceResolution;

namespace SpeechGate.Core.Tests.VoiceResolution;

/// <summary>A temp directory with voices.yaml / voices.lock and a pipeline over fake "elevenlabs" and "local" providers.</summary>
internal sealed class VoicePipelineFixture : IDisposable
{
    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("speechgate-voices-").FullName;

    public FakeSpeechSynthesizer ElevenLabs { get; } = new();

    public FakeSpeechSynthesizer Local { get; } = new();

    public FakeVoiceUpstream Upstream { get; } = new();

    public string CatalogPath => Path.Combine(Directory, "voices.yaml");

    public string LockPath => Path.Combine(Directory, "voices.lock");

    public ManualTimeProvider Time { get; } = new();

    public ServiceProvider Build(string yaml, Action<VoiceResolutionOptions>? configure = null, Func<ISpeechSynthesizer, ISpeechSynthesizer>? innerStage = null)
    {
        File.WriteAllText(CatalogPath, yaml);
        var services = new ServiceCollection();
        services.AddKeyedSingleton<ISpeechSynthesizer>("elevenlabs", ElevenLabs);
        services.AddKeyedSingleton<ISpeechSynthesizer>("local", Local);
        services.AddSingleton<IVoiceUpstream>(Upstream);
        services.AddVoiceResolution(options =>
        {
            options.File = CatalogPath;
            options.RecentVoicesFile = Path.Combine(Directory, "recent.json");
            configure?.Invoke(options);
        });
        services.AddSingleton<TimeProvider>(Time);
        var pipeline = services.AddSpeechPipeline().UseVoiceResolution();
        if (innerStage is not null)
        {
            pipeline.Use(innerStage);
        }

        services.Configure<SpeechProviderOptions>(options => options.Default = "elevenlabs");
        return services.BuildServiceProvider();
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
