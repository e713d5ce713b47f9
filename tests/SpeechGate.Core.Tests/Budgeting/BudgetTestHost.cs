using Microsoft.Extensions.DependencyInjection;
using SpeechGate.Budgeting;
using SpeechGate.Metering;
using SpeechGate.Synthesis;
using SpeechGate.Testing;

namespace SpeechGate.Core.Tests.Budgeting;

/// <summary>A pipeline metering → budget → fake provider over a real SQLite file in a temporary directory.</summary>
internal sealed class BudgetTestHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public BudgetTestHost(FakeSpeechSynthesizer provider, string? directory = null, IUpstreamQuota? quota = null)
    {
        Directory = directory ?? System.IO.Directory.CreateTempSubdirectory("speechgate-budget-").FullName;
        Provider = provider;
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        services.AddBudgeting(Path.Combine(Directory, "speechgate.db"));
        services.Configure<SpeechProviderOptions>(o => o.Default = "elevenlabs");
        if (quota is not null)
        {
            services.AddSingleton(quota);
        }

        services.AddSpeechSynthesizer(_ => provider).UseMetering().UseBudget();
        _services = services.BuildServiceProvider();
    }

    public string Directory { get; }

    public FakeSpeechSynthesizer Provider { get; }

    public FakeTimeProvider Time { get; } = new();

    public ISpeechSynthesizer Pipeline => _services.GetRequiredService<ISpeechSynthesizer>();

    public IBudgetStore Budgets => _services.GetRequiredService<IBudgetStore>();

    public IUsageLedger Ledger => _services.GetRequiredService<IUsageLedger>();

    public async Task<byte[]> SayAsync(SpeechRequest request)
    {
        await using var audio = await Pipeline.SynthesizeAsync(request);
        return await audio.ReadAllBytesAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
