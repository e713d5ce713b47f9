using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace SpeechGate.Delivery.S3;

/// <summary>
/// Uploads a render to <c>s3://bucket/&lt;prefix&gt;&lt;name&gt;/…</c>, <c>manifest.json</c> last, so a consumer that
/// waits for the manifest finds every file it names. Each object carries the idempotency key as metadata; uploading
/// the same render again rewrites the same keys with the same bytes.
/// </summary>
public sealed class S3DeliveryTarget(string name, IAmazonS3 client, string bucket, string? prefix) : IDeliveryTarget
{
    /// <summary>The object metadata key holding the idempotency key (sent as <c>x-amz-meta-idempotency-key</c>).</summary>
    public const string IdempotencyMetadata = "idempotency-key";

    /// <inheritdoc/>
    public string Name { get; } = name;

    /// <inheritdoc/>
    public async Task<string> DeliverAsync(DeliveryPackage package, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(package);
        var root = KeyPrefix(prefix) + package.Name + "/";
        var files = package.Files();
        try
        {
            foreach (var file in files)
            {
                var request = new PutObjectRequest
                {
                    BucketName = bucket,
                    Key = root + file,
                    FilePath = package.PathOf(file),
                    ContentType = ContentType(file),
                    // A signed single-part body: aws-chunked (streaming SigV4) uploads are stored with their chunk
                    // framing by S3-compatible servers that do not implement it (s3rver does exactly that).
                    UseChunkEncoding = false,
                };
                request.Metadata[IdempotencyMetadata] = package.IdempotencyKey;
                await client.PutObjectAsync(request, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (AmazonServiceException error)
        {
            var status = error.StatusCode == 0 ? "" : $" (HTTP {(int)error.StatusCode})";
            throw new DeliveryException($"s3://{bucket}/{root}: {error.ErrorCode ?? error.Message}{status}", error);
        }
        catch (Exception error) when (error is AmazonClientException or HttpRequestException or IOException or WebException)
        {
            throw new DeliveryException($"s3://{bucket}/{root}: {error.Message}", error);
        }

        return $"uploaded {files.Count} objects to s3://{bucket}/{root}";
    }

    /// <summary>A prefix with exactly one trailing '/' (or none when empty).</summary>
    public static string KeyPrefix(string? prefix)
        => string.IsNullOrWhiteSpace(prefix) ? "" : prefix.Trim('/') + "/";

    private static string ContentType(string file) => Path.GetExtension(file).ToLowerInvariant() switch
    {
        ".json" => "application/json",
        ".mp3" => "audio/mpeg",
        ".wav" => "audio/wav",
        ".ogg" or ".opus" => "audio/ogg",
        ".flac" => "audio/flac",
        ".srt" => "application/x-subrip",
        ".vtt" => "text/vtt",
        ".txt" => "text/plain",
        _ => "application/octet-stream",
    };
}
