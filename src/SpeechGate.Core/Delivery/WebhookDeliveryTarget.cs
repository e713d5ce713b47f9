using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SpeechGate.Delivery;

/// <summary>
/// POSTs the manifest (with a URL per file on the gateway) as JSON, signed with <see cref="WebhookSignature"/> when a
/// secret is configured and carrying <c>Idempotency-Key</c>; any 2xx answer means delivered.
/// </summary>
public sealed class WebhookDeliveryTarget(string name, Uri url, string? secret, HttpClient http, TimeProvider time) : IDeliveryTarget
{
    /// <summary>The idempotency header.</summary>
    public const string IdempotencyHeader = "Idempotency-Key";

    /// <inheritdoc/>
    public string Name { get; } = name;

    /// <summary>Where the manifest is POSTed.</summary>
    public Uri Url { get; } = url;

    /// <inheritdoc/>
    public async Task<string> DeliverAsync(DeliveryPackage package, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(package);
        var body = await BodyAsync(package, cancellationToken).ConfigureAwait(false);
        using var request = new HttpRequestMessage(HttpMethod.Post, Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.TryAddWithoutValidation(IdempotencyHeader, package.IdempotencyKey);
        if (!string.IsNullOrEmpty(secret))
        {
            request.Headers.TryAddWithoutValidation(WebhookSignature.HeaderName, WebhookSignature.Create(secret, time.GetUtcNow(), body));
        }

        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            return response.IsSuccessStatusCode
                ? $"HTTP {status}"
                : throw new DeliveryException($"{Url.GetLeftPart(UriPartial.Path)} answered HTTP {status}");
        }
        catch (HttpRequestException error)
        {
            throw new DeliveryException($"{Url.GetLeftPart(UriPartial.Path)} could not be reached: {error.Message}", error);
        }
        catch (TaskCanceledException error) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DeliveryException($"{Url.GetLeftPart(UriPartial.Path)} did not answer in time", error);
        }
    }

    /// <summary>The JSON body: the run, the idempotency key, the files with their URLs and the manifest itself.</summary>
    public static async Task<byte[]> BodyAsync(DeliveryPackage package, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(package);
        JsonNode? manifest;
        await using (var stream = File.OpenRead(package.PathOf(DeliveryPackage.ManifestFileName)))
        {
            manifest = await JsonNode.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        var files = new JsonArray();
        foreach (var file in package.Files())
        {
            files.Add(new JsonObject
            {
                ["path"] = file,
                ["bytes"] = new FileInfo(package.PathOf(file)).Length,
                ["url"] = package.UrlOf(file)?.ToString(),
            });
        }

        var body = new JsonObject
        {
            ["type"] = "render.completed",
            ["run_id"] = package.RunId,
            ["job"] = package.Job,
            ["name"] = package.Name,
            ["idempotency_key"] = package.IdempotencyKey,
            ["manifest_sha256"] = package.ManifestSha256,
            ["files"] = files,
            ["manifest"] = manifest,
        };
        return JsonSerializer.SerializeToUtf8Bytes(body);
    }
}
