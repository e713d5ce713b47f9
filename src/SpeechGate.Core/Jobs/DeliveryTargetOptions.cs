namespace SpeechGate.Jobs;

/// <summary>One delivery target of a job: a folder, an S3-compatible bucket or a webhook.</summary>
public sealed class DeliveryTargetOptions
{
    /// <summary><c>folder</c>, <c>s3</c> or <c>webhook</c>.</summary>
    public string Type { get; set; } = "";

    /// <summary>A name for history and logs; default the type (and its index when a job has several of one type).</summary>
    public string? Name { get; set; }

    /// <summary>Folder: the directory the deliverables appear in (one sub-directory per render).</summary>
    public string? Path { get; set; }

    /// <summary>Webhook: the URL the manifest is POSTed to.</summary>
    public string? Url { get; set; }

    /// <summary>Webhook: the HMAC-SHA256 signing secret (or <c>env:NAME</c> to read it from a variable).</summary>
    public string? Secret { get; set; }

    /// <summary>S3: the service URL of an S3-compatible server; empty for AWS itself.</summary>
    public string? Endpoint { get; set; }

    /// <summary>S3: the bucket.</summary>
    public string? Bucket { get; set; }

    /// <summary>S3: a key prefix, e.g. <c>voiceovers/</c>.</summary>
    public string? Prefix { get; set; }

    /// <summary>S3: the region; default <c>us-east-1</c>.</summary>
    public string? Region { get; set; }

    /// <summary>S3: path-style addressing (<c>endpoint/bucket/key</c>), which most S3-compatible servers need.</summary>
    public bool PathStyle { get; set; } = true;

    /// <summary>S3: access key id (or <c>env:NAME</c>); default <c>AWS_ACCESS_KEY_ID</c>.</summary>
    public string? AccessKey { get; set; }

    /// <summary>S3: secret access key (or <c>env:NAME</c>); default <c>AWS_SECRET_ACCESS_KEY</c>.</summary>
    public string? SecretKey { get; set; }

    /// <summary>Reads <paramref name="value"/>, resolving <c>env:NAME</c> to that environment variable.</summary>
    public static string? Resolve(string? value)
        => value is not null && value.StartsWith("env:", StringComparison.Ordinal) ? Environment.GetEnvironmentVariable(value[4..]) : value;
}
