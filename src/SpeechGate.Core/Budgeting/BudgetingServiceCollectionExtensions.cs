using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SpeechGate.Budgeting;
using SpeechGate.Hosting;
using SpeechGate.Metering;
using SpeechGate.Providers.ElevenLabs;
using SpeechGate.Storage;
using SpeechGate.Synthesis;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers budgets, the ledger and their pipeline stages.</summary>
public static class BudgetingServiceCollectionExtensions
{
    /// <summary>The service key of the SQLite database that holds budgets and the ledger.</summary>
    public const string DatabaseServiceKey = "SpeechGate.Budgeting.Database";

    /// <summary>
    /// Registers <see cref="IBudgetStore"/>, <see cref="IUsageLedger"/> and <see cref="CreditEstimator"/> over one SQLite
    /// file (default <c>&lt;data dir&gt;/speechgate.db</c>).
    /// </summary>
    public static IServiceCollection AddBudgeting(this IServiceCollection services, string? databasePath = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<BudgetOptions>();
        services.AddSpeechRequestResolver();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new CreditEstimator(
            sp.GetRequiredService<Options.IOptions<BudgetOptions>>(), sp.GetRequiredService<SpeechRequestResolver>(), sp.GetService<IModelRateSource>()));
        services.TryAddKeyedSingleton(DatabaseServiceKey, (_, _) => new SqliteDatabase(
            databasePath ?? Path.Combine(SpeechGatePaths.DataDirectory, "speechgate.db"),
            SqliteBudgetStore.Schema + SqliteUsageLedger.Schema, SqliteUsageLedger.Migrations));
        services.TryAddSingleton<IBudgetStore>(sp => new SqliteBudgetStore(sp.GetRequiredKeyedService<SqliteDatabase>(DatabaseServiceKey), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IUsageLedger>(sp => new SqliteUsageLedger(sp.GetRequiredKeyedService<SqliteDatabase>(DatabaseServiceKey)));
        services.TryAddSingleton(sp => new LedgerBacklog(
            Path.Combine(Path.GetDirectoryName(sp.GetRequiredKeyedService<SqliteDatabase>(DatabaseServiceKey).Path)!, "ledger-backlog.jsonl"),
            sp.GetRequiredService<IUsageLedger>(),
            sp.GetRequiredService<IBudgetStore>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<LedgerBacklog>>() ?? NullLogger<LedgerBacklog>.Instance));
        services.TryAddSingleton(CreateRecorder);
        return services;
    }

    /// <summary>
    /// Prices ElevenLabs requests from its published model rates and refuses locally what the account's quota
    /// (<c>GET /v1/user/subscription</c>) cannot afford. Call after <c>AddElevenLabsSpeechProvider()</c>.
    /// </summary>
    public static IServiceCollection AddElevenLabsBudgeting(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<ElevenLabsModelPrices>();
        services.TryAddSingleton<IModelRateSource>(sp => sp.GetRequiredService<ElevenLabsModelPrices>());
        services.TryAddSingleton(sp => new UpstreamQuota(
            ElevenLabsServiceCollectionExtensions.ProviderName,
            async cancellationToken =>
            {
                var subscription = await sp.GetRequiredService<ElevenLabsClient>().GetSubscriptionAsync(cancellationToken).ConfigureAwait(false);
                var resets = subscription.NextCharacterCountResetUnix is { } unix ? DateTimeOffset.FromUnixTimeSeconds(unix) : (DateTimeOffset?)null;
                return new QuotaSnapshot(subscription.CharacterCount, subscription.CharacterLimit, resets);
            },
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<UpstreamQuota>>() ?? NullLogger<UpstreamQuota>.Instance));
        services.TryAddSingleton<IUpstreamQuota>(sp => sp.GetRequiredService<UpstreamQuota>());
        return services;
    }

    /// <summary>Adds the budget stage: reserves before the provider is called, settles after. Place it after the cache.</summary>
    public static SpeechSynthesizerBuilder UseBudget(this SpeechSynthesizerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use((inner, services) => new BudgetingSpeechSynthesizer(
            inner,
            services.GetRequiredService<IBudgetStore>(),
            services.GetRequiredService<CreditEstimator>(),
            services.GetService<IUpstreamQuota>(),
            services.GetService<LedgerBacklog>(),
            services.GetService<TimeProvider>() ?? TimeProvider.System,
            services.GetService<ILogger<BudgetingSpeechSynthesizer>>() ?? NullLogger<BudgetingSpeechSynthesizer>.Instance));
    }

    /// <summary>Adds the metering stage: every answer goes to the ledger. Place it before the cache so hits are counted.</summary>
    public static SpeechSynthesizerBuilder UseMetering(this SpeechSynthesizerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use((inner, services) => new MeteringSpeechSynthesizer(inner, services.GetService<SpeechAnswerRecorder>() ?? CreateRecorder(services)));
    }

    private static SpeechAnswerRecorder CreateRecorder(IServiceProvider services) => new(
        services.GetRequiredService<LedgerBacklog>(),
        services.GetRequiredService<CreditEstimator>(),
        services.GetService<TimeProvider>() ?? TimeProvider.System,
        services.GetService<SpeechGate.Caching.ISpeechCache>(),
        services.GetService<IEnumerable<ISpeechAnswerObserver>>());
}
