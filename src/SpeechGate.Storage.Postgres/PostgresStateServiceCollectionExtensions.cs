using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SpeechGate.Budgeting;
using SpeechGate.Metering;
using SpeechGate.Storage;
using SpeechGate.Storage.Postgres;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Keeps SpeechGate's budgets and ledger in PostgreSQL, so several replicas share them.</summary>
public static class PostgresStateServiceCollectionExtensions
{
    /// <summary>
    /// Replaces the budget store and the ledger registered so far (the SQLite defaults of <c>AddSpeechGate</c>) with
    /// PostgreSQL ones over <paramref name="connectionString"/>; called before <c>AddSpeechGate</c>, they take precedence
    /// over its defaults too.
    /// </summary>
    public static IServiceCollection UsePostgresState(this IServiceCollection services, string connectionString, Action<StorageOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var options = new StorageOptions { Provider = StorageOptions.Postgres, ConnectionString = connectionString };
        configure?.Invoke(options);
        var database = new PostgresDatabase(connectionString);
        services.TryAddSingleton(TimeProvider.System);
        services.Replace(ServiceDescriptor.Singleton(database));
        services.Replace(ServiceDescriptor.Singleton<IBudgetStore>(sp => new PostgresBudgetStore(database, sp.GetRequiredService<TimeProvider>(), options.ReservationLease)));
        services.Replace(ServiceDescriptor.Singleton<IUsageLedger>(_ => new PostgresUsageLedger(database)));
        return services;
    }

    /// <summary>
    /// Applies <c>Storage:Provider</c> from <paramref name="configuration"/>: <c>sqlite</c> (or nothing) keeps the embedded
    /// state, <c>postgres</c> calls <see cref="UsePostgresState"/> with <c>Storage:ConnectionString</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The provider is unknown, or <c>postgres</c> lacks a connection string.</exception>
    public static IServiceCollection UseConfiguredState(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new StorageOptions();
        configuration.GetSection(StorageOptions.SectionName).Bind(options);
        switch (options.Provider.Trim().ToLowerInvariant())
        {
            case StorageOptions.Sqlite or "":
                return services;
            case StorageOptions.Postgres:
                if (string.IsNullOrWhiteSpace(options.ConnectionString))
                {
                    throw new InvalidOperationException("Storage:Provider is postgres but Storage:ConnectionString is empty (set it, e.g. SPEECHGATE_Storage__ConnectionString=\"Host=db;Username=speechgate;Password=…;Database=speechgate\").");
                }

                return services.UsePostgresState(options.ConnectionString, configured => configured.ReservationLease = options.ReservationLease);
            default:
                throw new InvalidOperationException($"Storage:Provider must be sqlite or postgres, not '{options.Provider}'.");
        }
    }
}
