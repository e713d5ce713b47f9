using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using SpeechGate.Jobs;

namespace SpeechGate.Delivery.S3;

/// <summary>
/// S3 targets: an endpoint (any S3-compatible server, or AWS when empty), bucket, prefix, path-style addressing and
/// credentials from the job (<c>env:NAME</c> allowed) or <c>AWS_ACCESS_KEY_ID</c>/<c>AWS_SECRET_ACCESS_KEY</c>.
/// </summary>
public sealed class S3DeliveryTargetFactory : IDeliveryTargetFactory
{
    /// <inheritdoc/>
    public string Type => "s3";

    /// <inheritdoc/>
    public IDeliveryTarget Create(DeliveryTargetOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var bucket = options.Bucket ?? throw new ArgumentException("An s3 target needs a bucket.", nameof(options));
        return new S3DeliveryTarget(options.Name ?? Type, CreateClient(options), bucket, options.Prefix);
    }

    /// <summary>The client for one target.</summary>
    public static AmazonS3Client CreateClient(DeliveryTargetOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var region = string.IsNullOrWhiteSpace(options.Region) ? "us-east-1" : options.Region;
        var config = new AmazonS3Config
        {
            ForcePathStyle = options.PathStyle,
            // S3-compatible servers (MinIO, s3rver, Ceph…) reject or mishandle the SDK's default CRC checksums and
            // aws-chunked uploads; send checksums only where the API requires them.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
            MaxErrorRetry = 0,
        };
        if (!string.IsNullOrWhiteSpace(options.Endpoint))
        {
            config.ServiceURL = options.Endpoint;
            config.AuthenticationRegion = region;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }

        var accessKey = DeliveryTargetOptions.Resolve(options.AccessKey) ?? Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID");
        var secretKey = DeliveryTargetOptions.Resolve(options.SecretKey) ?? Environment.GetEnvironmentVariable("AWS_SECRET_ACCESS_KEY");
        return accessKey is { Length: > 0 } && secretKey is { Length: > 0 }
            ? new AmazonS3Client(new BasicAWSCredentials(accessKey, secretKey), config)
            : new AmazonS3Client(config);
    }
}
