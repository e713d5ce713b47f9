using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SpeechGate.Budgeting;
using SpeechGate.Metering;
using SpeechGate.Synthesis;
using SpeechGate.Testing.FakeElevenLabs;

namespace SpeechGate.Core.Tests.Budgeting;

/// <summary>
/// The production pipeline — metering → cache → budget → ElevenLabs provider — over real HTTP to the fake
/// ElevenLabs server, with real SQLite files and a real file cache in a temporary directory.
/// </summary>
internal sealed class ElevenLabsBudgetHarness : IAsyncDisposable
{
    private ElevenLabsBudgetHarness(FakeElevenLabsServer fake, ServiceProvider services, string directory)
    {
        Fake = fake;
        Services = services;
        Directory = directory;
    }

    public FakeElevenLabsServer Fake { get; }

    public ServiceProvider Services { get; }

    public string Directory { get; }

    public ISpeechSynthesizer Pipeline => Services.GetRequiredService<ISpeechSynthesizer>();

    public IBudgetStore Budgets => Services.GetRequiredService<IBudgetStore>();

    public IUsageLedger Ledger => Services.GetRequiredService<IUsageLedger>();

    public SpendEstimator Estimator => Services.GetRequiredService<SpendEstimator>();

    public static async Task<ElevenLabsBudgetHarness> StartAsync(string? directory = null, FakeElevenLabsServer? fake = null)
    {
        directory ??= System.IO.Directory.CreateTempSubdirectory("speechgate-e2e-").FullName;
        fake ??= await FakeElevenLabsServer.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ELEVENLABS_API_KEY"] = fake.ApiKey,
            ["ELEVENLABS_BASE_URL"] = fake.BaseAddress.ToString(),
            ["Providers:Default"] = "elevenlabs",
            ["Providers:ElevenLabs:Tier"] = "pro",
            ["Providers:ElevenLabs:RetryDelay"] = TimeSpan.FromMilliseconds(1).ToString("c", CultureInfo.InvariantCulture),
            ["Cache:Directory"] = Path.Combine(directory, "cache"),
        }).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .Configure<SpeechProviderOptions>(configuration.GetSection(SpeechProviderOptions.SectionName))
            .AddElevenLabsSpeechProvider()
            .AddElevenLabsBudgeting()
            .AddBudgeting(Path.Combine(directory, "speechgate.db"))
            .AddSpeechCache();
        services.AddSingleton(sp => new SpendEstimator(
            sp.GetRequiredService<CreditEstimator>(), sp.GetRequiredService<IBudgetStore>(), sp.GetService<ICacheProbe>(), sp.GetService<UpstreamQuota>()));
        services.AddSpeechPipeline().UseMetering().UseCache().UseBudget();
        return new ElevenLabsBudgetHarness(fake, services.BuildServiceProvider(), directory);
    }

    public async Task<(byte[] Audio, SpeechAudio Meta)> SayAsync(SpeechRequest request)
    {
        await using var audio = await Pipeline.SynthesizeAsync(request);
        return (await audio.ReadAllBytesAsync(), audio);
    }

    /// <summary>The cache stores a clip just after its last byte is delivered: wait (bounded) until it is there.</summary>
    public async Task WaitUntilCachedAsync(SpeechRequest request)
    {
        var probe = Services.GetRequiredService<ICacheProbe>();
        for (var attempt = 0; attempt < 500 && !await probe.ContainsAsync(request); attempt++)
        {
            await Task.Delay(10);
        }
    }

    /// <summary>Stops the pipeline but keeps the fake running, for restart tests.</summary>
    public async Task StopPipelineAsync()
    {
        await Services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    public async ValueTask DisposeAsync()
    {
        await StopPipelineAsync();
        await Fake.DisposeAsync();
    }
}
