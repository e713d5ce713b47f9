using SpeechGate.Jobs;

namespace SpeechGate.Delivery;

/// <summary>Makes delivery targets of one type (<c>folder</c>, <c>webhook</c>, <c>s3</c>) from a job's configuration.</summary>
/// <remarks>Register implementations as <see cref="IDeliveryTargetFactory"/> services; the S3 one lives in SpeechGate.Delivery.S3.</remarks>
public interface IDeliveryTargetFactory
{
    /// <summary>The <see cref="DeliveryTargetOptions.Type"/> this factory makes.</summary>
    string Type { get; }

    /// <summary>Makes the target.</summary>
    IDeliveryTarget Create(DeliveryTargetOptions options);
}

/// <summary>Folder targets.</summary>
public sealed class FolderDeliveryTargetFactory : IDeliveryTargetFactory
{
    /// <inheritdoc/>
    public string Type => "folder";

    /// <inheritdoc/>
    public IDeliveryTarget Create(DeliveryTargetOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new FolderDeliveryTarget(options.Name ?? Type, options.Path ?? throw new ArgumentException("A folder target needs a path.", nameof(options)));
    }
}

/// <summary>Webhook targets (signed with the target's secret).</summary>
public sealed class WebhookDeliveryTargetFactory(IHttpClientFactory clients, TimeProvider time) : IDeliveryTargetFactory
{
    /// <summary>The named <see cref="HttpClient"/> webhooks are sent with.</summary>
    public const string HttpClientName = "speechgate-webhooks";

    /// <inheritdoc/>
    public string Type => "webhook";

    /// <inheritdoc/>
    public IDeliveryTarget Create(DeliveryTargetOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var url = new Uri(options.Url ?? throw new ArgumentException("A webhook target needs a URL.", nameof(options)));
        return new WebhookDeliveryTarget(options.Name ?? Type, url, DeliveryTargetOptions.Resolve(options.Secret), clients.CreateClient(HttpClientName), time);
    }
}
