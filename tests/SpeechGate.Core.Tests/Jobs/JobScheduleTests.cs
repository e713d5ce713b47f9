using SpeechGate.Jobs;
using SpeechGate.Synthesis;

namespace SpeechGate.Core.Tests.Jobs;

public sealed class JobScheduleTests
{
    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void Parse_FiveAndSixFields_OnChangeAndManual()
    {
        Assert.Equal(Utc(2026, 11, 21, 9, 5), JobSchedule.Parse("*/5 * * * *", null, watchesFiles: false).Next(Utc(2026, 11, 21, 9, 1)));
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 9, 1, 30, TimeSpan.Zero), JobSchedule.Parse("30 * * * * *", null, false).Next(Utc(2026, 11, 21, 9, 1)));
        Assert.True(JobSchedule.Parse(null, null, watchesFiles: true).IsOnChange);
        Assert.Null(JobSchedule.Parse(null, null, watchesFiles: false).Next(Utc(2026, 1, 1, 0)));
        Assert.Equal("manual", JobSchedule.Parse("MANUAL", null, false).Text);
    }

    [Theory]
    [InlineData("every day", null)]
    [InlineData("61 * * * *", null)]
    [InlineData("0 9 * * *", "Mars/Olympus_Mons")]
    public void Parse_Invalid_IsA422NamingTheSchedule(string schedule, string? zone)
    {
        var error = Assert.Throws<SpeechException>(() => JobSchedule.Parse(schedule, zone, false));
        Assert.Equal("invalid_schedule", error.Status);
        Assert.Equal(422, error.StatusCode);
    }

    [Fact]
    public void Next_AcrossSpringForward_FiresOnceAtTheShiftedInstant()
    {
        // 2026-03-08, America/New_York: 02:00 EST jumps to 03:00 EDT, so 02:30 does not exist that day.
        var schedule = JobSchedule.Parse("30 2 * * *", "America/New_York", false);

        var occurrences = schedule.Between(Utc(2026, 3, 7, 0), Utc(2026, 3, 10, 0)).ToList();

        Assert.Equal([Utc(2026, 3, 7, 7, 30), Utc(2026, 3, 8, 7, 0), Utc(2026, 3, 9, 6, 30)], occurrences);
    }

    [Fact]
    public void Next_AcrossFallBack_FiresOnceAtTheFirstOfTheRepeatedHour()
    {
        // 2026-11-01, America/New_York: 01:00–02:00 happens twice (EDT, then EST).
        var schedule = JobSchedule.Parse("30 1 * * *", "America/New_York", false);

        var occurrences = schedule.Between(Utc(2026, 10, 31, 0), Utc(2026, 11, 3, 0)).ToList();

        Assert.Equal([Utc(2026, 10, 31, 5, 30), Utc(2026, 11, 1, 5, 30), Utc(2026, 11, 2, 6, 30)], occurrences);
    }
}
