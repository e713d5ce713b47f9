using SpeechGate.Jobs;

namespace SpeechGate.Core.Tests.Jobs;

/// <summary>Runs are unique per occurrence, leased to one owner at a time, and taken over only after the lease lapses.</summary>
public sealed class SqliteJobRunStoreTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    private static SqliteJobRunStore NewStore(string? directory = null)
        => SqliteJobRunStore.Open(directory ?? Directory.CreateTempSubdirectory("speechgate-runs-").FullName);

    private static JobRun Run(string id, string occurrence = "cron:2026-11-21T12:00:00Z") => new()
    {
        Id = id,
        Job = "daily",
        Occurrence = occurrence,
        CreatedAt = Now,
        ScriptPath = "/tmp/script.yaml",
        DeliverableName = "daily",
        OutputDirectory = "/tmp/out",
    };

    [Fact]
    public async Task Create_SameOccurrenceTwice_KeepsTheFirstRunOnly()
    {
        var store = NewStore();

        Assert.NotNull(await store.CreateAsync(Run("run_a")));
        Assert.Null(await store.CreateAsync(Run("run_b")));

        Assert.Equal("run_a", Assert.Single(await store.ListAsync("daily", 10)).Id);
    }

    [Fact]
    public async Task Claim_LiveLeaseKeepsOthersOff_ALapsedOneIsTakenOver_AndTheOldOwnerIsRefused()
    {
        var store = NewStore();
        await store.CreateAsync(Run("run_a"));

        var first = await store.ClaimNextAsync("server-1", Now, Lease);
        Assert.Equal(1, first!.Attempts);
        Assert.Null(await store.ClaimNextAsync("server-2", Now + TimeSpan.FromSeconds(29), Lease));

        var second = await store.ClaimNextAsync("server-2", Now + TimeSpan.FromSeconds(31), Lease);
        Assert.Equal("server-2", second!.LeaseOwner);
        Assert.Equal(2, second.Attempts);
        await Assert.ThrowsAsync<JobLeaseLostException>(() => store.UpdateAsync(first with { Status = JobRunStatus.Rendering }, "server-1"));
        await Assert.ThrowsAsync<JobLeaseLostException>(() => store.RenewAsync("run_a", "server-1", Now + Lease));
        await store.UpdateAsync(second with { Status = JobRunStatus.Succeeded, FinishedAt = Now }, "server-2");

        Assert.Null(await store.ClaimNextAsync("server-3", Now + TimeSpan.FromHours(1), Lease));
        var finished = await store.GetAsync("run_a");
        Assert.Equal(JobRunStatus.Succeeded, finished!.Status);
        Assert.Null(finished.LeaseOwner);
    }

    [Fact]
    public async Task Claim_ManyServersAtOnce_EachRunGoesToExactlyOne()
    {
        var directory = Directory.CreateTempSubdirectory("speechgate-runs-").FullName;
        var setup = NewStore(directory);
        for (var i = 0; i < 5; i++)
        {
            await setup.CreateAsync(Run($"run_{i}", $"manual:{i}"));
        }

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(server => Task.Run(async () =>
        {
            var store = NewStore(directory);
            var mine = new List<string>();
            while (await store.ClaimNextAsync($"server-{server}", Now, Lease) is { } run)
            {
                mine.Add(run.Id);
            }

            return mine;
        })));

        var all = claims.SelectMany(ids => ids).ToList();
        Assert.Equal(5, all.Count);
        Assert.Equal(5, all.Distinct().Count());
    }

    [Fact]
    public async Task Release_LetsAnotherServerResumeAtOnce_AndDeliveryAttemptsAreKept()
    {
        var store = NewStore();
        await store.CreateAsync(Run("run_a"));
        await store.ClaimNextAsync("server-1", Now, Lease);
        await store.AddDeliveryAttemptAsync(new DeliveryAttempt("run_a", "webhook", 1, Now, "daily:abc", false, "HTTP 500"));

        await store.ReleaseAsync("run_a", "server-1");

        Assert.NotNull(await store.ClaimNextAsync("server-2", Now, Lease));
        var attempt = Assert.Single(await store.GetDeliveryAttemptsAsync("run_a"));
        Assert.Equal(("webhook", "daily:abc", false), (attempt.Target, attempt.IdempotencyKey, attempt.Delivered));
    }
}
