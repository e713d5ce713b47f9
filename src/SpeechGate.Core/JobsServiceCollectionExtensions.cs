using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SpeechGate.Delivery;
using SpeechGate.Jobs;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers render jobs: the catalog, durable runs, the runner, the scheduler and folder/webhook delivery.</summary>
public static class JobsServiceCollectionExtensions
{
    /// <summary>
    /// Registers jobs from <paramref name="configuration"/> (section <c>Jobs</c>, <c>jobs.yaml</c>; settings in
    /// <c>JobService</c>) with their runs in <c>&lt;data&gt;/jobs.db</c> unless another <see cref="IJobRunStore"/> is registered.
    /// </summary>
    public static IServiceCollection AddSpeechGateJobs(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<JobServiceOptions>().Bind(configuration.GetSection(JobServiceOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => JobCatalog.Load(configuration, dataDirectory));
        services.TryAddSingleton<IJobRunStore>(_ => SqliteJobRunStore.Open(dataDirectory));
        services.TryAddSingleton(sp => new JobRuns(sp.GetRequiredService<IJobRunStore>(), sp.GetRequiredService<JobCatalog>(), sp.GetRequiredService<TimeProvider>(), dataDirectory));
        services.TryAddSingleton<JobVoiceCheck>();
        services.TryAddSingleton<JobRunner>();
        services.TryAddSingleton<JobScheduler>();
        services.AddHttpClient(WebhookDeliveryTargetFactory.HttpClientName)
            .ConfigureHttpClient((sp, http) => http.Timeout = sp.GetRequiredService<IOptions<JobServiceOptions>>().Value.WebhookTimeout);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDeliveryTargetFactory, FolderDeliveryTargetFactory>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDeliveryTargetFactory, WebhookDeliveryTargetFactory>());
        return services;
    }
}
