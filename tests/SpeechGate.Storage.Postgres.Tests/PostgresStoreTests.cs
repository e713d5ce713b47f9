using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SpeechGate.Budgeting;
using SpeechGate.Metering;
using SpeechGate.Synthesis;
using SpeechGate.Testing;

namespace SpeechGate.Storage.Postgres.Tests;

[Collection(PostgresGroup.Name)]
public sealed class PostgresStoreTests(PostgresServer server)
{
    [Fact]
    public async Task Migrations_ManyProcessesStartingTogether_ApplyEachVersionOnce()
    {
        var connectionString = await server.CreateDatabaseAsync();
        var databases = Enumerable.Range(0, 8).Select(_ => new PostgresDatabase(connectionString)).ToList();

        await Task.WhenAll(databases.Select(d => d.MigrateAsync()));

        await using var connection = await databases[0].OpenAsync();
        await using var command = new NpgsqlCommand("SELECT COUNT(*), MAX(version) FROM speechgate_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.Equal((long)databases[0].SchemaVersion, reader.GetInt64(0));
        Assert.Equal(databases[0].SchemaVersion, reader.GetInt32(1));
        foreach (var database in databases)
        {
            await database.DisposeAsync();
        }
    }

    [Fact]
    public async Task Migrations_DatabaseFromANewerVersion_IsRefused()
    {
        await using var database = new PostgresDatabase(await server.CreateDatabaseAsync());
        await database.MigrateAsync();
        await using (var connection = await database.OpenAsync())
        await using (var command = new NpgsqlCommand($"INSERT INTO speechgate_migrations (version) VALUES ({database.SchemaVersion + 1})", connection))
        {
            await command.ExecuteNonQueryAsync();
        }

        await using var newer = new PostgresDatabase(database.ConnectionString);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => newer.MigrateAsync());
        Assert.Contains("newer SpeechGate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reserve_ConcurrentFromTwoStores_NeverOverspendsAHardBudget()
    {
        var connectionString = await server.CreateDatabaseAsync();
        await using var a = new PostgresDatabase(connectionString);
        await using var b = new PostgresDatabase(connectionString);
        var storeA = new PostgresBudgetStore(a, TimeProvider.System);
        var storeB = new PostgresBudgetStore(b, TimeProvider.System);
        await storeA.SetAsync(new Budget(BudgetScope.Project, "p", BudgetPeriod.Month, 50, BudgetMode.Hard));

        var attempts = await Task.WhenAll(Enumerable.Range(0, 120).Select(async i =>
        {
            var store = i % 2 == 0 ? storeA : storeB;
            try
            {
                var reservation = await store.ReserveAsync("k", "p", 1);
                await store.SettleAsync(reservation, 1);
                return 1;
            }
            catch (SpeechException error) when (error.Status == "budget_exceeded")
            {
                return 0;
            }
        }));

        var status = Assert.Single(await storeB.ListAsync());
        Assert.Equal(50, attempts.Sum());
        Assert.Equal((50L, 0L), (status.SpentCredits, status.ReservedCredits));
    }

    [Fact]
    public async Task Reservation_WhoseProcessDied_IsReleasedByAnyStoreAfterItsLease()
    {
        var connectionString = await server.CreateDatabaseAsync();
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var a = new PostgresDatabase(connectionString);
        await using var b = new PostgresDatabase(connectionString);
        var dying = new PostgresBudgetStore(a, time, TimeSpan.FromMinutes(1));
        var survivor = new PostgresBudgetStore(b, time, TimeSpan.FromMinutes(1));
        await survivor.SetAsync(new Budget(BudgetScope.Key, "k", BudgetPeriod.Month, 10, BudgetMode.Hard));

        _ = await dying.ReserveAsync("k", null, 10); // never settled: its process "died"
        var blocked = await Assert.ThrowsAsync<BudgetExceededException>(() => survivor.ReserveAsync("k", null, 1));
        time.Advance(TimeSpan.FromMinutes(2));
        var reservation = await survivor.ReserveAsync("k", null, 4);
        await survivor.SettleAsync(reservation, 4);

        Assert.Equal("budget_exceeded", blocked.Status);
        var status = Assert.Single(await survivor.ListAsync());
        Assert.Equal((4L, 0L), (status.SpentCredits, status.ReservedCredits));
    }

    [Fact]
    public async Task Settle_AfterTheLeaseWasReleased_StillCountsTheCharge()
    {
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var database = new PostgresDatabase(await server.CreateDatabaseAsync());
        var store = new PostgresBudgetStore(database, time, TimeSpan.FromMinutes(1));
        await store.SetAsync(new Budget(BudgetScope.Key, "k", BudgetPeriod.Month, 10, BudgetMode.Hard));

        var slow = await store.ReserveAsync("k", null, 6);
        time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await store.ReleaseExpiredAsync());
        await store.SettleAsync(slow, 6);

        var status = Assert.Single(await store.ListAsync());
        Assert.Equal((6L, 0L), (status.SpentCredits, status.ReservedCredits));
    }

    [Fact]
    public async Task Release_GivesTheCreditsBack()
    {
        await using var database = new PostgresDatabase(await server.CreateDatabaseAsync());
        var store = new PostgresBudgetStore(database, TimeProvider.System);
        await store.SetAsync(new Budget(BudgetScope.Key, "k", BudgetPeriod.Day, 10, BudgetMode.Soft));

        var first = await store.ReserveAsync("k", null, 8);
        var over = await store.ReserveAsync("k", null, 8);
        await store.ReleaseAsync(first);
        await store.ReleaseAsync(over);

        Assert.Empty(first.Warnings);
        Assert.Single(over.Warnings);
        var status = Assert.Single(await store.ListAsync());
        Assert.Equal((0L, 0L), (status.SpentCredits, status.ReservedCredits));
    }

    [Fact]
    public async Task Ledger_AppendsAndSummarizes_LikeTheSqliteLedger()
    {
        await using var database = new PostgresDatabase(await server.CreateDatabaseAsync());
        var ledger = new PostgresUsageLedger(database);
        var now = TimeProvider.System.GetUtcNow();
        var paid = await ledger.AppendAsync(Row(now, credits: 30, "key-a", SpeechCacheStatus.Miss) with { LineId = "l1" });
        var rebuy = await ledger.AppendAsync(Row(now, credits: 30, "key-a", SpeechCacheStatus.Bypass));
        var regeneration = await ledger.AppendAsync(Row(now, credits: 20, "key-b", SpeechCacheStatus.Miss) with { LineId = "l1" });
        await ledger.AppendManyAsync([Row(now, 0, "key-a", SpeechCacheStatus.Hit) with { Answers = 5 }, Row(now, 0, "key-b", SpeechCacheStatus.Hit)]);

        var totals = await ledger.SummarizeAsync(LedgerGrouping.Project, since: now.AddMinutes(-1));

        Assert.Equal((false, false), (paid.Rebuy, paid.Regeneration));
        Assert.True(rebuy.Rebuy);
        Assert.True(regeneration.Regeneration);
        var all = totals[0];
        Assert.Equal((9L, 80L, 6L, 50L), (all.Requests, all.SpentCredits, all.CacheHits, all.WastedCredits));
        Assert.Equal("proj", totals[1].Group);
        Assert.Equal(0, Assert.Single(await ledger.SummarizeAsync(LedgerGrouping.None, since: now.AddMinutes(1))).Requests);
    }

    [Fact]
    public async Task ExpiredLease_OfASentCall_IsChargedAtTheEstimate_AndLedgeredUnsettled()
    {
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var connectionString = await server.CreateDatabaseAsync();
        await using var a = new PostgresDatabase(connectionString);
        await using var b = new PostgresDatabase(connectionString);
        var dying = new PostgresBudgetStore(a, time, TimeSpan.FromMinutes(1));
        var survivor = new PostgresBudgetStore(b, time, TimeSpan.FromMinutes(1));
        await survivor.SetAsync(new Budget(BudgetScope.Key, "k", BudgetPeriod.Month, 100, BudgetMode.Hard));

        var sent = await dying.ReserveAsync("k", "proj", 30);
        await dying.MarkSentAsync(sent, Row(time.GetUtcNow(), 30, "audio-1", SpeechCacheStatus.Miss) with { AccountId = "k" });
        _ = await dying.ReserveAsync("k", "proj", 20); // never sent
        time.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal(2, await survivor.RecoverAbandonedAsync());
        Assert.Equal(0, await survivor.RecoverAbandonedAsync());
        var status = Assert.Single(await survivor.ListAsync());
        Assert.Equal((30L, 0L), (status.SpentCredits, status.ReservedCredits));
        var totals = await new PostgresUsageLedger(b).SummarizeAsync(LedgerGrouping.Key, since: null);
        Assert.Equal((1L, 30L), (totals[0].Requests, totals[0].SpentCredits));
        await using var connection = await b.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT cache_status, account, audio_key FROM ledger", connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(("unsettled", "k", "audio-1"), (reader.GetString(0), reader.GetString(1), reader.GetString(2)));

        // The owner settling late (it was only slow) corrects the charge to what was billed, never counting it twice.
        await reader.DisposeAsync();
        await dying.SettleAsync(sent, 25);
        status = Assert.Single(await survivor.ListAsync());
        Assert.Equal((25L, 0L), (status.SpentCredits, status.ReservedCredits));
    }

    [Fact]
    public async Task RecoverAbandoned_ReleasesTheReservationsOfAProcessThatIsGone_BeforeTheirLeasePasses()
    {
        await using var database = new PostgresDatabase(await server.CreateDatabaseAsync());
        var store = new PostgresBudgetStore(database, TimeProvider.System);
        await store.SetAsync(new Budget(BudgetScope.Project, "p", BudgetPeriod.Day, 10, BudgetMode.Hard));
        var mine = await store.ReserveAsync(null, "p", 3);
        var theirs = await store.ReserveAsync(null, "p", 7);
        await using (var connection = await database.OpenAsync())
        await using (var orphan = new NpgsqlCommand("UPDATE reservation_leases SET owner = @owner WHERE id = @id", connection))
        {
            // A process on this host that is not running (pid 0 is never a user process).
            orphan.Parameters.AddWithValue("owner", $"{Environment.MachineName}:0:1");
            orphan.Parameters.AddWithValue("id", theirs.Id);
            await orphan.ExecuteNonQueryAsync();
        }

        Assert.Equal(1, await store.RecoverAbandonedAsync());
        var status = Assert.Single(await store.ListAsync());
        Assert.Equal((0L, 3L), (status.SpentCredits, status.ReservedCredits));
        await store.SettleAsync(mine, 3);
        status = Assert.Single(await store.ListAsync());
        Assert.Equal((3L, 0L), (status.SpentCredits, status.ReservedCredits));
    }

    [Fact]
    public async Task UseConfiguredState_Postgres_ReplacesTheBudgetStoreAndLedger()
    {
        var connectionString = await server.CreateDatabaseAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "postgres",
            ["Storage:ConnectionString"] = connectionString,
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IBudgetStore>(_ => throw new InvalidOperationException("the SQLite default"));
        services.UseConfiguredState(configuration);
        await using var provider = services.BuildServiceProvider();

        var store = provider.GetRequiredService<IBudgetStore>();
        await store.SetAsync(new Budget(BudgetScope.Key, "k", BudgetPeriod.Month, 5, BudgetMode.Hard));

        Assert.IsType<PostgresBudgetStore>(store);
        Assert.IsType<PostgresUsageLedger>(provider.GetRequiredService<IUsageLedger>());
        Assert.Single(await store.ListAsync());
        Assert.Throws<InvalidOperationException>(() => new ServiceCollection().UseConfiguredState(
            new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Provider"] = "postgres" }).Build()));
        Assert.Throws<InvalidOperationException>(() => new ServiceCollection().UseConfiguredState(
            new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Provider"] = "mysql" }).Build()));
    }

    private static UsageRecord Row(DateTimeOffset time, long credits, string audioKey, SpeechCacheStatus status) => new()
    {
        Time = time,
        Provider = "elevenlabs",
        VoiceId = "v",
        Project = "proj",
        Characters = 10,
        Credits = credits,
        EstimatedCredits = 10,
        AudioKey = audioKey,
        CacheStatus = status,
    };
}
