using Microsoft.Data.Sqlite;
using SpeechGate.Server.Authentication;
using SpeechGate.Storage;

namespace SpeechGate.Server.Hosting;

/// <summary>Opens the key store and the budgets/ledger database before the gateway starts listening.</summary>
/// <remarks>
/// A damaged file would otherwise fail every request (and a 5xx invites the SDKs' paid retries): the gateway refuses
/// to start instead, with one line that names the file. A damaged cache index does not stop it (the cache replaces it).
/// </remarks>
internal static class StateFiles
{
    /// <exception cref="InvalidOperationException">A state file is damaged or cannot be opened.</exception>
    public static void EnsureUsable(GatewayKeyStore keys, IServiceProvider services)
    {
        Check(keys.DatabasePath, "the gateway key store", () => keys.HasActiveKeys());
        var database = services.GetRequiredKeyedService<SqliteDatabase>(BudgetingServiceCollectionExtensions.DatabaseServiceKey);
        Check(database.Path, "the budgets and ledger database", () => QuickCheck(database));
    }

    private static void Check(string path, string what, Action open)
    {
        try
        {
            open();
        }
        catch (Exception error) when (error is SqliteException or IOException)
        {
            throw new InvalidOperationException(
                $"Cannot start: {what} '{path}' is unusable ({(error.InnerException ?? error).Message}). Restore it from a backup or move it aside (a new one is created).",
                error);
        }
    }

    private static void QuickCheck(SqliteDatabase database)
    {
        using var connection = database.OpenAsync().GetAwaiter().GetResult();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA quick_check";
        if (command.ExecuteScalar() is string result && result != "ok")
        {
            throw new SqliteException($"integrity check failed: {result}", 11);
        }
    }
}
