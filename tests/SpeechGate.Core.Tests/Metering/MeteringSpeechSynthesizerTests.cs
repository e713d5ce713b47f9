using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using SpeechGate.Core.Tests.Caching;
using SpeechGate.Core.Tests.Storage;
using SpeechGate.Metering;
using SpeechGate.Storage;
using SpeechGate.Synthesis;
using SpeechGate.Testing;

namespace SpeechGate.Core.Tests.Metering;

public sealed class MeteringSpeechSynthesizerTests : IAsyncDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private readonly FakeSpeechSynthesizer _provider = new();
    private readonly FakeTimeProvider _time = new();
    private readonly ServiceProvider _services;

    public MeteringSpeechSynthesizerTests()
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_time);

        // Registered before AddBudgeting, whose TryAdd then keeps it: the real SQLite ledger, watched.
        services.AddSingleton(sp => new RecordingUsageLedger(new SqliteUsageLedger(
            sp.GetRequiredKeyedService<SqliteDatabase>(BudgetingServiceCollectionExtensions.DatabaseServiceKey))));
        services.AddSingleton<IUsageLedger>(sp => sp.GetRequiredService<RecordingUsageLedger>());
        services.AddBudgeting(DatabasePath);
        services.Configure<SpeechProviderOptions>(o => o.Default = "elevenlabs");
        services.AddSpeechSynthesizer(_ => _provider).UseMetering();
        _services = services.BuildServiceProvider();
    }

    private string DatabasePath => Path.Combine(_directory.Path, "speechgate.db");

    private ISpeechSynthesizer Pipeline => _services.GetRequiredService<ISpeechSynthesizer>();

    private RecordingUsageLedger Ledger => _services.GetRequiredService<RecordingUsageLedger>();

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    [Fact]
    public async Task SynthesizeAsync_PaidAnswer_UsageIsTheRowTheLedgerWrote()
    {
        var request = new SpeechRequest("hello", "alias") { ModelId = "eleven_multilingual_v2", AccountId = "key9", Project = "p", LineId = "l1" };
        Answer(status: SpeechCacheStatus.Miss, billed: 5, key: "key-1");

        await using var audio = await Pipeline.SynthesizeAsync(request);

        var usage = Assert.IsType<UsageRecord>(audio.GetUsage());
        Assert.Same(Ledger.Returned.Single(), usage);
        Assert.Equal(("resolved", "eleven_multilingual_v2", 5, 5L), (usage.VoiceId, usage.ModelId, usage.Characters, usage.Credits));
        Assert.Equal((SpeechCacheStatus.Miss, "key-1", "req-1"), (usage.CacheStatus, usage.AudioKey, usage.RequestId));
        Assert.Equal(("key9", "p", "l1", _time.GetUtcNow()), (usage.AccountId, usage.Project, usage.LineId, usage.Time));
        Assert.True(usage.EstimatedCredits > 0);
        Assert.Equal($"resolved|eleven_multilingual_v2|5|5|{usage.EstimatedCredits}|miss|1", StoredRow());
        Assert.Equal(FakeSpeechSynthesizer.ExpectedBytes(request), await audio.ReadAllBytesAsync());
    }

    [Fact]
    public async Task SynthesizeAsync_CacheHit_UsageIsAFreeHitThatSavedTheEstimate()
    {
        var request = new SpeechRequest("hello again", "v") { ModelId = "eleven_multilingual_v2" };
        Answer(status: SpeechCacheStatus.Hit, billed: 0, key: "key-2");

        await using var audio = await Pipeline.SynthesizeAsync(request);

        var usage = Assert.IsType<UsageRecord>(audio.GetUsage());
        Assert.Same(Ledger.Returned.Single(), usage);
        Assert.Equal((SpeechCacheStatus.Hit, 0L, 11, 1), (usage.CacheStatus, usage.Credits, usage.Characters, usage.Answers));
        Assert.True(usage.EstimatedCredits > 0);
        Assert.Equal($"resolved|eleven_multilingual_v2|11|0|{usage.EstimatedCredits}|hit|1", StoredRow());
    }

    [Fact]
    public async Task SynthesizeAsync_NewTakeOfALine_UsageCarriesTheLedgersVerdict()
    {
        Answer(status: SpeechCacheStatus.Miss, billed: 4, key: "take-1");
        await using (var first = await Pipeline.SynthesizeAsync(new SpeechRequest("take", "v") { Project = "p", LineId = "l1" }))
        {
            Assert.False(first.GetUsage()!.Regeneration);
        }

        Answer(status: SpeechCacheStatus.Miss, billed: 4, key: "take-2");
        await using var second = await Pipeline.SynthesizeAsync(new SpeechRequest("tak2", "v") { Project = "p", LineId = "l1" });

        // Only the ledger knows the line was bought before: the stage must hand back its answer, not its own record.
        Assert.True(second.GetUsage()!.Regeneration);
        Assert.Same(Ledger.Returned[1], second.GetUsage());
    }

    // The provider answers as a cache stage in front of it would: with a key, a status, and a resolved voice.
    private void Answer(SpeechCacheStatus status, int billed, string key)
        => _provider.OnSynthesize = async (request, cancellationToken) =>
        {
            var audio = await new FakeSpeechSynthesizer().SynthesizeAsync(request, cancellationToken);
            return audio with { BilledCharacters = billed, CacheStatus = status, CacheKey = key, ResolvedVoiceId = "resolved", RequestId = "req-1" };
        };

    private string? StoredRow()
        => SqliteFile.Text(DatabasePath, "SELECT voice || '|' || model || '|' || characters || '|' || credits || '|' || estimated || '|' || cache_status || '|' || answers FROM ledger");
}
