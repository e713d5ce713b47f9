namespace SpeechGate.Jobs;

/// <summary>How <c>serve</c> runs jobs (configuration section <c>JobService</c>).</summary>
public sealed class JobServiceOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "JobService";

    /// <summary>Whether <c>serve</c> schedules and runs jobs; default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>A <c>jobs.yaml</c> to read instead of <c>&lt;data&gt;/jobs.yaml</c> and <c>./jobs.yaml</c>.</summary>
    public string? File { get; set; }

    /// <summary>How long a server holds a run without renewing; a killed server's run resumes elsewhere after this.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a server looks for runs to take (new runs from this server are taken at once).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Runs one server works on at once.</summary>
    public int Concurrency { get; set; } = 1;

    /// <summary>Attempts per delivery target before the run fails; default 5.</summary>
    public int DeliveryAttempts { get; set; } = 5;

    /// <summary>Delay before the first delivery retry; doubles each time (with jitter) up to <see cref="MaxDeliveryRetryDelay"/>.</summary>
    public TimeSpan DeliveryRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest delay between delivery retries.</summary>
    public TimeSpan MaxDeliveryRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a webhook receiver may take to answer.</summary>
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The gateway's address as receivers reach it (file URLs in webhooks); default the address <c>serve</c> listens on.</summary>
    public Uri? PublicUrl { get; set; }

    /// <summary>Secret that signs <c>callback_url</c> webhooks of the HTTP API (or <c>env:NAME</c>); unsigned when unset.</summary>
    public string? CallbackSecret { get; set; }
}
