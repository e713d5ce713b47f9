using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SpeechGate.Jobs;
using FakeClock = Microsoft.Extensions.Time.Testing.FakeTimeProvider;

namespace SpeechGate.Core.Tests.Jobs;

/// <summary>Cron occurrences become runs at the right instants (a fake clock), and missed ones are caught up as configured.</summary>
public sealed class JobSchedulerTests
{
    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0, int second = 0) => new(year, month, day, hour, minute, second, TimeSpan.Zero);

    [Fact]
    public async Task Cron_InParis_FiresAtNineLocalAcrossTheSpringDstChange()
    {
        // 2026-03-29 Europe/Paris: 09:00 is 08:00Z before the change and 07:00Z after it.
        var clock = new FakeClock(Utc(2026, 3, 27, 12));
        using var fixture = Fixture.Create(clock, new JobDefinition { Name = "daily", Script = "/tmp/daily.yaml", Schedule = "0 9 * * *", TimeZone = "Europe/Paris" });
        using var stop = new CancellationTokenSource();
        var loop = fixture.Scheduler.ScheduleAsync(fixture.Job, fixture.Schedule, stop.Token);
        await fixture.WaitForScheduledAsync(Utc(2026, 3, 27, 12));

        foreach (var expected in new[] { Utc(2026, 3, 28, 8), Utc(2026, 3, 29, 7), Utc(2026, 3, 30, 7) })
        {
            clock.SetUtcNow(expected.AddSeconds(-1));
            await Task.Delay(50);
            Assert.DoesNotContain(await fixture.OccurrencesAsync(), o => o == JobRuns.CronOccurrence(expected));

            clock.SetUtcNow(expected);
            await fixture.WaitForOccurrenceAsync(JobRuns.CronOccurrence(expected));
        }

        Assert.Equal(3, (await fixture.OccurrencesAsync()).Count);
        await stop.CancelAsync();
        await loop;
    }

    [Theory]
    [InlineData(JobCatchUp.Latest, new[] { 23 })]
    [InlineData(JobCatchUp.All, new[] { 21, 22, 23 })]
    [InlineData(JobCatchUp.None, new int[0])]
    public async Task MissedOccurrences_WhileStopped_AreCaughtUpAsConfigured(string catchUp, int[] days)
    {
        var clock = new FakeClock(Utc(2026, 11, 23, 12));
        using var fixture = Fixture.Create(clock, new JobDefinition { Name = "daily", Script = "/tmp/daily.yaml", Schedule = "0 6 * * *", CatchUp = catchUp });
        await fixture.Runs.Store.SetScheduledUntilAsync("daily", Utc(2026, 11, 20, 12));
        using var stop = new CancellationTokenSource();

        var loop = fixture.Scheduler.ScheduleAsync(fixture.Job, fixture.Schedule, stop.Token);
        await fixture.WaitForScheduledAsync(Utc(2026, 11, 23, 12));

        Assert.Equal(days.Select(day => JobRuns.CronOccurrence(Utc(2026, 11, day, 6))).Order(), (await fixture.OccurrencesAsync()).Order());
        await stop.CancelAsync();
        await loop;
    }

    [Fact]
    public async Task FirstStart_RunsNothingMissed_AndTwoSchedulersCreateEachOccurrenceOnce()
    {
        var clock = new FakeClock(Utc(2026, 11, 23, 12));
        using var fixture = Fixture.Create(clock, new JobDefinition { Name = "hourly", Script = "/tmp/h.yaml", Schedule = "0 * * * *" });
        using var second = fixture.WithAnotherScheduler();
        using var stop = new CancellationTokenSource();

        var loops = new[] { fixture.Scheduler.ScheduleAsync(fixture.Job, fixture.Schedule, stop.Token), second.ScheduleAsync(fixture.Job, fixture.Schedule, stop.Token) };
        await fixture.WaitForScheduledAsync(Utc(2026, 11, 23, 12));
        Assert.Empty(await fixture.OccurrencesAsync());
        clock.SetUtcNow(Utc(2026, 11, 23, 13));
        await fixture.WaitForOccurrenceAsync(JobRuns.CronOccurrence(Utc(2026, 11, 23, 13)));
        await Task.Delay(100);

        Assert.Single(await fixture.OccurrencesAsync());
        await stop.CancelAsync();
        await Task.WhenAll(loops);
    }

    private sealed class Fixture : IDisposable
    {
        private readonly ServiceProvider _services;
        private readonly List<JobScheduler> _schedulers = [];

        private Fixture(FakeClock clock, JobDefinition job)
        {
            Clock = clock;
            Job = job;
            Directory = System.IO.Directory.CreateTempSubdirectory("speechgate-scheduler-").FullName;
            var catalog = new JobCatalog([job]);
            Schedule = catalog.ScheduleOf(job);
            Runs = new JobRuns(SqliteJobRunStore.Open(Directory), catalog, clock, Directory);
            _services = new ServiceCollection().BuildServiceProvider();
            Scheduler = WithAnotherScheduler();
        }

        public FakeClock Clock { get; }

        public JobDefinition Job { get; }

        public JobSchedule Schedule { get; }

        public string Directory { get; }

        public JobRuns Runs { get; }

        public JobScheduler Scheduler { get; }

        public static Fixture Create(FakeClock clock, JobDefinition job) => new(clock, job);

        public JobScheduler WithAnotherScheduler()
        {
            var options = Options.Create(new JobServiceOptions());
            var scheduler = new JobScheduler(Runs, new JobRunner(_services, Runs, options, Clock), options, Clock);
            _schedulers.Add(scheduler);
            return scheduler;
        }

        public async Task<IReadOnlyList<string>> OccurrencesAsync()
            => [.. (await Runs.Store.ListAsync(Job.Name, 100)).Select(run => run.Occurrence)];

        public Task WaitForOccurrenceAsync(string occurrence)
            => WaitAsync(async () => (await OccurrencesAsync()).Contains(occurrence), $"occurrence {occurrence}");

        public Task WaitForScheduledAsync(DateTimeOffset until)
            => WaitAsync(async () => await Runs.Store.GetScheduledUntilAsync(Job.Name) >= until, $"scheduled until {until:O}");

        public void Dispose()
        {
            foreach (var scheduler in _schedulers)
            {
                scheduler.Dispose();
            }

            _services.Dispose();
        }

        private static async Task WaitAsync(Func<Task<bool>> condition, string what)
        {
            for (var i = 0; i < 200; i++)
            {
                if (await condition())
                {
                    return;
                }

                await Task.Delay(25);
            }

            throw new TimeoutException("Timed out waiting for " + what);
        }
    }
}
