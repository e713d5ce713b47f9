using Cronos;
using SpeechGate.Synthesis;

namespace SpeechGate.Jobs;

/// <summary>When a job runs: a cron expression in a time zone, on change of its files, or only on demand.</summary>
public sealed class JobSchedule
{
    /// <summary>The schedule value for runs triggered by changed files.</summary>
    public const string OnChangeValue = "on-change";

    /// <summary>The schedule value for jobs run only on demand.</summary>
    public const string ManualValue = "manual";

    private readonly CronExpression? _cron;

    private JobSchedule(string text, CronExpression? cron, TimeZoneInfo zone, bool onChange)
    {
        Text = text;
        _cron = cron;
        TimeZone = zone;
        IsOnChange = onChange;
    }

    /// <summary>The schedule as configured.</summary>
    public string Text { get; }

    /// <summary>The zone the cron expression is read in (daylight saving time included).</summary>
    public TimeZoneInfo TimeZone { get; }

    /// <summary>Whether the job runs when its files change.</summary>
    public bool IsOnChange { get; }

    /// <summary>Whether the job has a cron schedule.</summary>
    public bool IsCron => _cron is not null;

    /// <summary>Parses a job's schedule and time zone.</summary>
    /// <exception cref="SpeechException">422 <c>invalid_schedule</c>: not cron, <c>on-change</c> or <c>manual</c>, or an unknown zone.</exception>
    public static JobSchedule Parse(string? schedule, string? timeZone, bool watchesFiles)
    {
        var zone = ParseZone(timeZone);
        var text = string.IsNullOrWhiteSpace(schedule) ? (watchesFiles ? OnChangeValue : ManualValue) : schedule.Trim();
        if (string.Equals(text, OnChangeValue, StringComparison.OrdinalIgnoreCase))
        {
            return new JobSchedule(OnChangeValue, null, zone, onChange: true);
        }

        if (string.Equals(text, ManualValue, StringComparison.OrdinalIgnoreCase))
        {
            return new JobSchedule(ManualValue, null, zone, onChange: false);
        }

        try
        {
            var fields = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            var cron = CronExpression.Parse(text, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
            return new JobSchedule(text, cron, zone, onChange: false);
        }
        catch (CronFormatException error)
        {
            throw new SpeechException(422, "invalid_schedule",
                $"schedule '{text}' is not a cron expression (5 fields, or 6 with seconds), '{OnChangeValue}' or '{ManualValue}': {error.Message}")
            { Param = "schedule" };
        }
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/>, or null (no cron schedule, or none left).</summary>
    public DateTimeOffset? Next(DateTimeOffset after) => _cron?.GetNextOccurrence(after, TimeZone);

    /// <summary>Occurrences in (<paramref name="after"/>, <paramref name="until"/>], oldest first.</summary>
    public IEnumerable<DateTimeOffset> Between(DateTimeOffset after, DateTimeOffset until)
        => _cron is null || until <= after ? [] : _cron.GetOccurrences(after, until, TimeZone, fromInclusive: false, toInclusive: true);

    private static TimeZoneInfo ParseZone(string? timeZone)
    {
        if (string.IsNullOrWhiteSpace(timeZone) || timeZone is "UTC" or "Etc/UTC")
        {
            return TimeZoneInfo.Utc;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(timeZone.Trim());
        }
        catch (Exception error) when (error is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new SpeechException(422, "invalid_schedule", $"unknown time zone '{timeZone}' (use an IANA id such as Europe/Paris).") { Param = "time_zone" };
        }
    }
}
