using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SpeechGate.Synthesis;
using SpeechGate.Testing.FakeElevenLabs;
using SpeechGate.Voices;

namespace SpeechGate.Providers.ElevenLabs;

/// <summary>The fake server plus a container with the provider pointed at it (through the real DI entry point).</summary>
internal sealed class ElevenLabsHarness : IAsyncDisposable
{
    private ElevenLabsHarness(FakeElevenLabsServer fake, ServiceProvider services, RecordingTimeProvider time)
    {
        Fake = fake;
        Services = services;
        Time = time;
    }

    public FakeElevenLabsServer Fake { get; }

    public ServiceProvider Services { get; }

    public RecordingTimeProvider Time { get; }

    public ISpeechSynthesizer Synthesizer => Services.GetRequiredKeyedService<ISpeechSynthesizer>("elevenlabs");

    public ElevenLabsClient Client => Services.GetRequiredService<ElevenLabsClient>();

    public IVoiceDirectory Directory => Services.GetRequiredKeyedService<IVoiceDirectory>("elevenlabs");

    public static async Task<ElevenLabsHarness> StartAsync(
        Action<Dictionary<string, string?>>? configure = null,
        string? apiKey = FakeElevenLabsServer.DefaultApiKey,
        ILoggerProvider? logs = null)
    {
        var fake = await FakeElevenLabsServer.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["ELEVENLABS_API_KEY"] = apiKey,
            ["ELEVENLABS_BASE_URL"] = fake.BaseAddress.ToString(),
            ["Providers:ElevenLabs:Tier"] = "creator",
            ["Providers:ElevenLabs:RetryDelay"] = TimeSpan.FromMilliseconds(1).ToString("c", CultureInfo.InvariantCulture),
            ["Providers:ElevenLabs:MaxRetryDelay"] = TimeSpan.FromSeconds(10).ToString("c", CultureInfo.InvariantCulture),
        };
        configure?.Invoke(settings);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var time = new RecordingTimeProvider();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<TimeProvider>(time)
            .AddLogging(builder =>
            {
                builder.SetMinimumLevel(LogLevel.Trace);
                if (logs is not null)
                {
                    builder.AddProvider(logs);
                }
            })
            .AddElevenLabsSpeechProvider()
            .BuildServiceProvider();
        return new ElevenLabsHarness(fake, services, time);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Fake.DisposeAsync();
    }
}
