using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using SpeechGate.Core.Tests.Caching;
using SpeechGate.Metering;

namespace SpeechGate.Core.Tests.Metering;

/// <summary>A ledger database file in a temporary directory, opened through the production registration (<c>AddBudgeting</c>).</summary>
internal sealed class LedgerFile : IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private readonly List<ServiceProvider> _hosts = [];

    public string Path => System.IO.Path.Combine(_directory.Path, "speechgate.db");

    /// <summary>A ledger as a freshly started process gets it: a new database object over the same file.</summary>
    public SqliteUsageLedger OpenLedger()
    {
        var host = new ServiceCollection().AddBudgeting(Path).BuildServiceProvider();
        _hosts.Add(host);
        return Assert.IsType<SqliteUsageLedger>(host.GetRequiredService<IUsageLedger>());
    }

    public void Dispose()
    {
        foreach (var host in _hosts)
        {
            host.Dispose();
        }

        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }
}
