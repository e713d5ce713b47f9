using Microsoft.Extensions.Configuration;
using SpeechGate.Synthesis;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace SpeechGate.Jobs;

/// <summary>
/// The configured jobs: <c>&lt;data&gt;/jobs.yaml</c>, then <c>./jobs.yaml</c> (or <c>JobService:File</c>), then the
/// <c>Jobs</c> configuration section (<c>speechgate.json</c>), a later job of the same name replacing an earlier one.
/// </summary>
public sealed class JobCatalog
{
    /// <summary>The configuration section holding jobs by name.</summary>
    public const string SectionName = "Jobs";

    /// <summary>The jobs file name.</summary>
    public const string FileName = "jobs.yaml";

    private static readonly IDeserializer Yaml = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();

    private readonly Dictionary<string, (JobDefinition Job, JobSchedule Schedule)> _jobs;

    /// <summary>A catalog of already validated jobs.</summary>
    public JobCatalog(IEnumerable<JobDefinition> jobs)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        _jobs = new Dictionary<string, (JobDefinition, JobSchedule)>(StringComparer.Ordinal);
        foreach (var job in jobs)
        {
            _jobs[job.Name] = (job, Validate(job));
        }
    }

    /// <summary>Every job, by name.</summary>
    public IReadOnlyList<JobDefinition> Jobs => [.. _jobs.Values.Select(entry => entry.Job).OrderBy(job => job.Name, StringComparer.Ordinal)];

    /// <summary>The job named <paramref name="name"/>, or null.</summary>
    public JobDefinition? Find(string name) => _jobs.TryGetValue(name, out var entry) ? entry.Job : null;

    /// <summary>The parsed schedule of a job in this catalog.</summary>
    public JobSchedule ScheduleOf(JobDefinition job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return _jobs[job.Name].Schedule;
    }

    /// <summary>Reads the jobs files and section.</summary>
    /// <exception cref="SpeechException">400 <c>invalid_configuration</c> naming the file and job at fault.</exception>
    public static JobCatalog Load(IConfiguration configuration, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var jobs = new Dictionary<string, JobDefinition>(StringComparer.Ordinal);
        var configured = configuration[$"{JobServiceOptions.SectionName}:{nameof(JobServiceOptions.File)}"];
        string[] files = configured is { Length: > 0 }
            ? [Path.GetFullPath(configured)]
            : [Path.Combine(dataDirectory, FileName), Path.Combine(Directory.GetCurrentDirectory(), FileName)];
        foreach (var file in files.Distinct(StringComparer.Ordinal))
        {
            if (configured is null && !File.Exists(file))
            {
                continue;
            }

            foreach (var job in ReadFile(file))
            {
                jobs[job.Name] = job;
            }
        }

        foreach (var section in configuration.GetSection(SectionName).GetChildren())
        {
            var job = new JobDefinition();
            try
            {
                section.Bind(job);
            }
            catch (InvalidOperationException error)
            {
                throw Invalid("speechgate.json", section.Key, error.Message);
            }

            job.Name = section.Key;
            Resolve(job, Directory.GetCurrentDirectory());
            jobs[job.Name] = job;
        }

        return Create(jobs.Values, "configuration");
    }

    /// <summary>Reads one <c>jobs.yaml</c>: <c>jobs: { NAME: { script|watch, schedule, time_zone, deliver: [...] } }</c>.</summary>
    public static IReadOnlyList<JobDefinition> ReadFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new SpeechException(400, "invalid_configuration", $"{path}: {error.Message}");
        }

        JobsFile? file;
        try
        {
            file = Yaml.Deserialize<JobsFile?>(text);
        }
        catch (YamlException error)
        {
            throw new SpeechException(400, "invalid_configuration", $"{path}:{error.Start.Line}: {error.InnerException?.Message ?? error.Message}");
        }

        var jobs = new List<JobDefinition>();
        foreach (var (name, job) in file?.Jobs ?? [])
        {
            var definition = job ?? new JobDefinition();
            definition.Name = name;
            Resolve(definition, Path.GetDirectoryName(Path.GetFullPath(path))!);
            jobs.Add(definition);
        }

        return Create(jobs, path).Jobs;
    }

    private static JobCatalog Create(IEnumerable<JobDefinition> jobs, string source)
    {
        try
        {
            return new JobCatalog(jobs);
        }
        catch (SpeechException error) when (error.Status != "invalid_configuration")
        {
            throw new SpeechException(400, "invalid_configuration", $"{source}: {error.Message}", error);
        }
    }

    private static void Resolve(JobDefinition job, string baseDirectory)
    {
        if (!string.IsNullOrWhiteSpace(job.Script))
        {
            job.Script = Path.GetFullPath(job.Script, baseDirectory);
        }

        if (!string.IsNullOrWhiteSpace(job.Watch))
        {
            job.Watch = Path.GetFullPath(job.Watch, baseDirectory);
        }

        foreach (var target in job.Deliver)
        {
            if (!string.IsNullOrWhiteSpace(target.Path))
            {
                target.Path = Path.GetFullPath(target.Path, baseDirectory);
            }
        }
    }

    private static JobSchedule Validate(JobDefinition job)
    {
        if (string.IsNullOrWhiteSpace(job.Name) || job.Name.Any(c => char.IsWhiteSpace(c) || c is '/' or '\\' or ':'))
        {
            throw Invalid("jobs", job.Name, "a job name must be non-empty, without spaces, '/', '\\' or ':'.");
        }

        var hasScript = !string.IsNullOrWhiteSpace(job.Script);
        var hasWatch = !string.IsNullOrWhiteSpace(job.Watch);
        if (hasScript == hasWatch)
        {
            throw Invalid("jobs", job.Name, "set exactly one of 'script' (a script file) or 'watch' (a folder and pattern, e.g. inbox/*.yaml).");
        }

        if (job.CatchUp is not (JobCatchUp.Latest or JobCatchUp.All or JobCatchUp.None))
        {
            throw Invalid("jobs", job.Name, $"catch_up must be {JobCatchUp.Latest}, {JobCatchUp.All} or {JobCatchUp.None}, not '{job.CatchUp}'.");
        }

        if (job.Debounce < TimeSpan.Zero)
        {
            throw Invalid("jobs", job.Name, "debounce must not be negative.");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < job.Deliver.Count; i++)
        {
            var target = job.Deliver[i];
            target.Type = target.Type.Trim().ToLowerInvariant();
            target.Name ??= job.Deliver.Count(t => string.Equals(t.Type.Trim(), target.Type, StringComparison.OrdinalIgnoreCase)) > 1 ? $"{target.Type}-{i + 1}" : target.Type;
            if (!names.Add(target.Name))
            {
                throw Invalid("jobs", job.Name, $"two delivery targets are named '{target.Name}'.");
            }

            var problem = target.Type switch
            {
                "folder" => string.IsNullOrWhiteSpace(target.Path) ? "a folder target needs 'path'." : null,
                "webhook" => !Uri.TryCreate(target.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https")
                    ? "a webhook target needs an http(s) 'url'."
                    : string.IsNullOrEmpty(DeliveryTargetOptions.Resolve(target.Secret)) ? "a webhook target needs 'secret' (it signs each delivery)." : null,
                "s3" => string.IsNullOrWhiteSpace(target.Bucket) ? "an s3 target needs 'bucket'."
                    : target.Endpoint is { Length: > 0 } endpoint && !Uri.TryCreate(endpoint, UriKind.Absolute, out _) ? $"endpoint '{endpoint}' is not a URL." : null,
                _ => $"unknown delivery type '{target.Type}' (folder, s3 or webhook).",
            };
            if (problem is not null)
            {
                throw Invalid("jobs", job.Name, $"delivery target {i + 1}: {problem}");
            }
        }

        try
        {
            var schedule = JobSchedule.Parse(job.Schedule, job.TimeZone, hasWatch);
            if (schedule.IsOnChange || schedule.IsCron || schedule.Text == JobSchedule.ManualValue)
            {
                return schedule;
            }

            throw Invalid("jobs", job.Name, $"unsupported schedule '{job.Schedule}'.");
        }
        catch (SpeechException error) when (error.Status == "invalid_schedule")
        {
            throw Invalid("jobs", job.Name, error.Message);
        }
    }

    private static SpeechException Invalid(string source, string job, string message)
        => new(400, "invalid_configuration", $"{source}: job '{job}': {message}") { Param = "jobs" };

    private sealed class JobsFile
    {
        public Dictionary<string, JobDefinition?> Jobs { get; set; } = [];
    }
}
