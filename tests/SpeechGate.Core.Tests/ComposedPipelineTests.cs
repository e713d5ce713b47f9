using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SpeechGate.Budgeting;
using SpeechGate.Synthesis;
using SpeechGate.Testing.FakeElevenLabs;
using SpeechGate.Voiceover;

namespace SpeechGate.Core.Tests;

/// <summary>
/// Issue 12 on the pipeline hosts really run: what <c>AddSpeechGate</c> composes (request resolution → metering → cache →
/// budget → ElevenLabs provider) against the fake ElevenLabs server, real SQLite and a real file cache.
/// </summary>
public sealed class ComposedPipelineTests : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("speechgate-composed-").FullName;
    private FakeElevenLabsServer _fake = null!;
    private ServiceProvider _services = null!;

    private ISpeechSynthesizer Pipeline => _services.GetRequiredService<ISpeechSynthesizer>();

    private SpendEstimator Estimator => _services.GetRequiredService<SpendEstimator>();

    public async Task InitializeAsync()
    {
        _fake = await FakeElevenLabsServer.StartAsync();
        var voices = Path.Combine(_data, "voices.yaml");
        await File.WriteAllTextAsync(voices, $"voices:\n  narrator:\n    voice_id: {FakeVoiceCatalog.George}\n    model: eleven_flash_v2_5\n");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Providers:Default"] = SpeechProviderNames.ElevenLabs,
            ["Providers:ElevenLabs:ApiKey"] = _fake.ApiKey,
            ["Providers:ElevenLabs:BaseUrl"] = _fake.BaseAddress.ToString(),
            ["Providers:ElevenLabs:Tier"] = "pro",
            ["Providers:ElevenLabs:MaxRetries"] = "0",
            ["Voices:File"] = voices,
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        services.AddElevenLabsSpeechProvider();
        services.AddSpeechGate(configuration, _data, "en-us");
        _services = services.BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _fake.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task Estimate_AfterTheScriptWasSpoken_CountsEveryLineCached_UnderElevenLabs()
    {
        // One line by alias (pinned id and model from voices.yaml), one by the default voice; tenant and provider unset.
        var script = new VoiceoverScript
        {
            Lines =
            [
                new VoiceoverLine { Id = "intro", Text = "Welcome to the composed pipeline.", Voice = "narrator" },
                new VoiceoverLine { Id = "outro", Text = "And thank you for listening." },
            ],
        };
        var requests = VoiceoverScriptReader.ToRequests(script, FakeVoiceCatalog.Rachel);
        var before = await Estimator.EstimateAsync(requests, accountId: null, project: null);

        foreach (var request in requests)
        {
            await using var audio = await Pipeline.SynthesizeAsync(request);
            Assert.NotEmpty(await audio.ReadAllBytesAsync());
        }

        var after = await EstimateOnceStoredAsync(requests, expectedCached: 2);

        Assert.Equal((0, before.Credits), (before.CachedRequests, before.CreditsToSpend));
        Assert.Equal(_fake.BilledCharacters, before.Credits); // priced as sent: the alias's model, not the default one
        Assert.Equal(2, after.CachedRequests);
        Assert.Equal(after.Credits, after.CachedCredits);
        Assert.Equal(0, after.CreditsToSpend);
    }

    [Fact]
    public async Task SoftBudgetExceeded_TheWarningSurvivesTheCacheStage()
    {
        await _services.GetRequiredService<IBudgetStore>().SetAsync(new Budget(BudgetScope.Project, "promo", BudgetPeriod.Month, 5, BudgetMode.Soft));

        await using var audio = await Pipeline.SynthesizeAsync(new SpeechRequest("Over a soft budget, still spoken.", FakeVoiceCatalog.Rachel) { Project = "promo" });
        _ = await audio.ReadAllBytesAsync();

        Assert.Equal(SpeechCacheStatus.Miss, audio.CacheStatus);
        Assert.NotNull(audio.CacheKey);
        Assert.Contains("promo", Assert.Single(audio.Warnings), StringComparison.Ordinal);
    }

    // The cache stores a clip just after its last byte is delivered: estimate again (bounded) until it holds them.
    private async Task<SpendEstimate> EstimateOnceStoredAsync(IReadOnlyList<SpeechRequest> requests, int expectedCached)
    {
        var estimate = await Estimator.EstimateAsync(requests, accountId: null, project: null);
        for (var attempt = 0; attempt < 500 && estimate.CachedRequests < expectedCached; attempt++)
        {
            await Task.Delay(10);
            estimate = await Estimator.EstimateAsync(requests, accountId: null, project: null);
        }

        return estimate;
    }
}
