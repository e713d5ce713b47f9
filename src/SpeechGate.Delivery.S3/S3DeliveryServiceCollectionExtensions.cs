using Microsoft.Extensions.DependencyInjection.Extensions;
using SpeechGate.Delivery;
using SpeechGate.Delivery.S3;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers delivery to S3-compatible buckets (job targets of type <c>s3</c>).</summary>
public static class S3DeliveryServiceCollectionExtensions
{
    /// <summary>Adds the <c>s3</c> delivery target type.</summary>
    public static IServiceCollection AddS3Delivery(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDeliveryTargetFactory, S3DeliveryTargetFactory>());
        return services;
    }
}
