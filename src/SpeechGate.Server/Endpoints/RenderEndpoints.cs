using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.StaticFiles;
using SpeechGate.Delivery;
using SpeechGate.Jobs;
using SpeechGate.Server.Authentication;
using SpeechGate.Server.Endpoints.TextToSpeech;
using SpeechGate.Synthesis;

namespace SpeechGate.Server.Endpoints;

/// <summary>
/// Render runs over HTTP: <c>POST /v1/speechgate/renders</c> (a script, or a job's name) → a run id;
/// <c>GET /v1/speechgate/renders/{id}</c> (status, progress, deliveries, manifest); <c>GET …/{id}/files/{path}</c>
/// (the deliverables); <c>GET /v1/speechgate/jobs</c>. Admin keys, or keys with the <c>render</c> scope.
/// </summary>
internal static class RenderEndpoints
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = CreateContentTypes();

    public static IEndpointRouteBuilder MapRenderEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/v1/speechgate/renders", CreateAsync).RequireAuthorization(GatewayPolicies.Render);
        endpoints.MapGet("/v1/speechgate/renders/{id}", GetAsync).RequireAuthorization(GatewayPolicies.Render);
        endpoints.MapGet("/v1/speechgate/renders/{id}/files/{**path}", FileAsync).RequireAuthorization(GatewayPolicies.Render);
        endpoints.MapGet("/v1/speechgate/jobs", JobsAsync).RequireAuthorization(GatewayPolicies.Render);
        return endpoints;
    }

    private static async Task<IResult> CreateAsync(HttpContext context, JobRuns runs, JobScheduler scheduler)
    {
        var body = await ReadAsync(context);
        var jobName = String(body, "job");
        var script = String(body, "script");
        var callback = String(body, "callback_url");
        if (string.IsNullOrWhiteSpace(jobName) == string.IsNullOrWhiteSpace(script))
        {
            throw SpeechException.Validation("script", "Give exactly one of script (the script's text) or job (a configured job's name).");
        }

        if (callback is not null && (!Uri.TryCreate(callback, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https")))
        {
            throw SpeechException.Validation("callback_url", "callback_url must be an absolute http(s) URL.");
        }

        var account = GatewayRequestContext.AccountId(context);
        JobRun run;
        if (jobName is not null)
        {
            var job = runs.Catalog.Find(jobName)
                ?? throw new SpeechException(404, "job_not_found", $"No job named '{jobName}' is configured.") { Param = "job" };
            run = await runs.CreateAsync(job, "request:" + Guid.NewGuid().ToString("N"), JobRuns.ScriptOf(job), callback, account, context.RequestAborted)
                ?? throw new InvalidOperationException("A fresh occurrence already existed.");
        }
        else
        {
            var format = String(body, "script_format") ?? Detect(script!);
            if (format is not ("yaml" or "yml" or "json" or "txt" or "srt" or "vtt" or "csv"))
            {
                throw SpeechException.Validation("script_format", "script_format must be one of yaml, json, txt, srt, vtt, csv.");
            }

            var project = String(body, "project") ?? GatewayRequestContext.Apply(context, new SpeechRequest("", "")).Project;
            run = await runs.CreateAdHocAsync(script!, "script." + format, project, callback, account, context.RequestAborted);
        }

        scheduler.Signal();
        return Results.Json(new JsonObject
        {
            ["render_id"] = run.Id,
            ["job"] = run.Job,
            ["status"] = Status(run.Status),
            ["url"] = $"/v1/speechgate/renders/{run.Id}",
        }, statusCode: StatusCodes.Status202Accepted);
    }

    private static async Task<IResult> GetAsync(HttpContext context, string id, JobRuns runs)
    {
        var run = await FindAsync(runs, id, context.RequestAborted);
        var attempts = await runs.Store.GetDeliveryAttemptsAsync(run.Id, context.RequestAborted);
        return Results.Json(await JsonAsync(run, attempts, context.RequestAborted));
    }

    private static async Task<IResult> FileAsync(HttpContext context, string id, string path, JobRuns runs)
    {
        var run = await FindAsync(runs, id, context.RequestAborted);
        var root = Path.GetFullPath(run.OutputDirectory) + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(Path.Combine(root, path));
        if (!full.StartsWith(root, StringComparison.Ordinal) || path.Contains('\\', StringComparison.Ordinal) || !File.Exists(full))
        {
            throw new SpeechException(404, "file_not_found", $"Render {run.Id} has no file '{path}'.") { Param = "path" };
        }

        var type = ContentTypes.TryGetContentType(full, out var known) ? known : "application/octet-stream";
        return Results.File(full, type, enableRangeProcessing: true);
    }

    private static async Task<IResult> JobsAsync(JobRuns runs, TimeProvider time, CancellationToken cancellationToken)
    {
        var jobs = new JsonArray();
        foreach (var job in runs.Catalog.Jobs)
        {
            var schedule = runs.Catalog.ScheduleOf(job);
            var recent = await runs.Store.ListAsync(job.Name, 1, cancellationToken);
            var last = recent.Count > 0 ? recent[0] : null;
            jobs.Add(new JsonObject
            {
                ["name"] = job.Name,
                ["script"] = job.Script,
                ["watch"] = job.Watch,
                ["schedule"] = schedule.Text,
                ["time_zone"] = schedule.TimeZone.Id,
                ["next_run_at"] = Time(schedule.Next(time.GetUtcNow())),
                ["project"] = job.EffectiveProject,
                ["deliver"] = new JsonArray([.. job.Deliver.Select(target => (JsonNode)new JsonObject { ["name"] = target.Name, ["type"] = target.Type })]),
                ["last_run"] = last is null ? null : new JsonObject
                {
                    ["render_id"] = last.Id,
                    ["status"] = Status(last.Status),
                    ["created_at"] = Time(last.CreatedAt),
                    ["finished_at"] = Time(last.FinishedAt),
                },
            });
        }

        return Results.Json(new JsonObject { ["jobs"] = jobs });
    }

    /// <summary>The JSON of a run, as the API and <c>speechgate jobs show</c> print it.</summary>
    public static async Task<JsonObject> JsonAsync(JobRun run, IReadOnlyList<DeliveryAttempt> attempts, CancellationToken cancellationToken)
    {
        JsonNode? manifest = null;
        var manifestPath = Path.Combine(run.OutputDirectory, DeliveryPackage.ManifestFileName);
        if (run.ManifestSha256 is not null && File.Exists(manifestPath))
        {
            await using var stream = File.OpenRead(manifestPath);
            manifest = await JsonNode.ParseAsync(stream, cancellationToken: cancellationToken);
        }

        return new JsonObject
        {
            ["render_id"] = run.Id,
            ["job"] = run.Job,
            ["occurrence"] = run.Occurrence,
            ["status"] = Status(run.Status),
            ["created_at"] = Time(run.CreatedAt),
            ["started_at"] = Time(run.StartedAt),
            ["finished_at"] = Time(run.FinishedAt),
            ["attempts"] = run.Attempts,
            ["project"] = run.Project,
            ["progress"] = new JsonObject
            {
                ["lines"] = run.Lines,
                ["done"] = run.LinesDone,
                ["paid"] = run.LinesPaid,
                ["cached"] = run.LinesCached,
                ["failed"] = run.LinesFailed,
            },
            ["credits"] = run.Credits,
            ["manifest_sha256"] = run.ManifestSha256,
            ["idempotency_key"] = run.IdempotencyKey,
            ["error"] = run.ErrorStatus is null ? null : new JsonObject { ["status"] = run.ErrorStatus, ["message"] = run.Message },
            ["message"] = run.Message,
            ["deliveries"] = new JsonArray([.. attempts.Select(attempt => (JsonNode)new JsonObject
            {
                ["target"] = attempt.Target,
                ["attempt"] = attempt.Attempt,
                ["at"] = Time(attempt.At),
                ["delivered"] = attempt.Delivered,
                ["idempotency_key"] = attempt.IdempotencyKey,
                ["message"] = attempt.Message,
            })]),
            ["manifest"] = manifest,
        };
    }

    private static async Task<JobRun> FindAsync(JobRuns runs, string id, CancellationToken cancellationToken)
        => await runs.Store.GetAsync(id, cancellationToken)
            ?? throw new SpeechException(404, "render_not_found", $"No render with id '{id}'.") { Param = "render_id" };

    private static string Detect(string script)
    {
        var text = script.TrimStart();
        return text.StartsWith('{') ? "json"
            : text.StartsWith("WEBVTT", StringComparison.Ordinal) ? "vtt"
            : text.Split('\n').Any(line => line.StartsWith("lines:", StringComparison.Ordinal)) ? "yaml"
            : "txt";
    }

    private static string Status(JobRunStatus status) => status.ToString().ToLowerInvariant();

    private static string? Time(DateTimeOffset? time) => time?.ToString("O", CultureInfo.InvariantCulture);

    private static string? String(JsonObject body, string name) => body[name] switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        _ => throw SpeechException.Validation(name, $"{name} must be a string."),
    };

    private static async Task<JsonObject> ReadAsync(HttpContext context)
    {
        try
        {
            return await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted) as JsonObject
                ?? throw SpeechException.Validation("body", "The body must be a JSON object.");
        }
        catch (JsonException error)
        {
            throw SpeechException.Validation("body", $"The body is not valid JSON: {error.Message}");
        }
    }

    private static FileExtensionContentTypeProvider CreateContentTypes()
    {
        var provider = new FileExtensionContentTypeProvider();
        provider.Mappings[".srt"] = "application/x-subrip";
        provider.Mappings[".vtt"] = "text/vtt";
        provider.Mappings[".opus"] = "audio/ogg";
        return provider;
    }
}
