using Microsoft.Data.Sqlite;
using SpeechGate.Core.Tests.Caching;
using SpeechGate.Storage;

namespace SpeechGate.Core.Tests.Storage;

public sealed class SqliteDatabaseTests : IDisposable
{
    private const string Schema = "CREATE TABLE IF NOT EXISTS runs (n INTEGER NOT NULL);";

    // Neither statement is idempotent: a second run either adds a row or fails with "duplicate column".
    private static readonly string[] Migrations = ["INSERT INTO runs (n) VALUES (1)", "ALTER TABLE runs ADD COLUMN extra TEXT"];

    private readonly TemporaryDirectory _directory = new();

    private string FilePath => Path.Combine(_directory.Path, "nested", "test.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    [Fact]
    public async Task OpenAsync_FreshFile_RunsEveryMigrationAndStoresTheirCount()
    {
        await OpenOnceAsync(new SqliteDatabase(FilePath, Schema, Migrations));

        Assert.Equal(Migrations.Length, SqliteFile.UserVersion(FilePath));
        Assert.Equal(1, SqliteFile.Scalar(FilePath, "SELECT COUNT(*) FROM runs"));
        Assert.Contains("extra", SqliteFile.Columns(FilePath, "runs"));
    }

    [Fact]
    public async Task OpenAsync_NoMigrations_CreatesSchemaAtVersionZero()
    {
        await OpenOnceAsync(new SqliteDatabase(FilePath, Schema));

        Assert.Equal(0, SqliteFile.UserVersion(FilePath));
        Assert.Equal(["n"], SqliteFile.Columns(FilePath, "runs"));
    }

    [Fact]
    public async Task OpenAsync_FileOpenedAgainBySameAndNewInstances_DoesNotRerunMigrations()
    {
        var first = new SqliteDatabase(FilePath, Schema, Migrations);
        await OpenOnceAsync(first);
        await OpenOnceAsync(first);

        // A new instance is what a restarted process gets: it must read user_version, not re-apply the list.
        await OpenOnceAsync(new SqliteDatabase(FilePath, Schema, Migrations));
        await OpenOnceAsync(new SqliteDatabase(FilePath, Schema, Migrations));

        Assert.Equal(Migrations.Length, SqliteFile.UserVersion(FilePath));
        Assert.Equal(1, SqliteFile.Scalar(FilePath, "SELECT COUNT(*) FROM runs"));
    }

    [Fact]
    public async Task OpenAsync_MigrationAddedInLaterRelease_RunsOnlyTheNewOne()
    {
        string[] released = ["INSERT INTO runs (n) VALUES (1)"];
        string[] later = [.. released, "INSERT INTO runs (n) VALUES (2)"];
        await OpenOnceAsync(new SqliteDatabase(FilePath, Schema, released));

        await OpenOnceAsync(new SqliteDatabase(FilePath, Schema, later));

        Assert.Equal(2, SqliteFile.UserVersion(FilePath));
        Assert.Equal(2, SqliteFile.Scalar(FilePath, "SELECT COUNT(*) FROM runs"));
        Assert.Equal(3, SqliteFile.Scalar(FilePath, "SELECT SUM(n) FROM runs"));
    }

    [Fact]
    public async Task OpenAsync_FileFromNewerVersion_ThrowsIOExceptionAndLeavesFileAlone()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        SqliteFile.Execute(FilePath, Schema + "PRAGMA user_version = 7;");
        var database = new SqliteDatabase(FilePath, Schema, Migrations);

        var error = await Assert.ThrowsAsync<IOException>(() => database.OpenAsync());

        Assert.Contains("newer SpeechGate", error.Message, StringComparison.Ordinal);
        Assert.Contains("7", error.Message, StringComparison.Ordinal);
        Assert.Contains(Path.GetFullPath(FilePath), error.Message, StringComparison.Ordinal);
        Assert.Equal(7, SqliteFile.UserVersion(FilePath));
        Assert.Equal(0, SqliteFile.Scalar(FilePath, "SELECT COUNT(*) FROM runs"));
        Assert.DoesNotContain("extra", SqliteFile.Columns(FilePath, "runs"));
    }

    [Fact]
    public async Task OpenAsync_MigrationFails_RollsBackEveryStepAndFailsAgainNextTime()
    {
        string[] broken = ["ALTER TABLE runs ADD COLUMN extra TEXT", "THIS IS NOT SQL"];
        var database = new SqliteDatabase(FilePath, Schema, broken);

        var error = await Assert.ThrowsAsync<IOException>(() => database.OpenAsync());

        Assert.IsType<SqliteException>(error.InnerException);
        Assert.Equal(0, SqliteFile.UserVersion(FilePath));
        Assert.DoesNotContain("extra", SqliteFile.Columns(FilePath, "runs"));

        // A failed start is not remembered as initialized: the same instance checks again.
        await Assert.ThrowsAsync<IOException>(() => database.OpenAsync());
        await OpenOnceAsync(new SqliteDatabase(FilePath, Schema, Migrations));
        Assert.Equal(Migrations.Length, SqliteFile.UserVersion(FilePath));
    }

    [Fact]
    public async Task OpenAsync_ManyProcessesOpenOldFileAtOnce_MigrateExactlyOnce()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        SqliteFile.Execute(FilePath, "PRAGMA journal_mode = WAL;" + Schema);
        var databases = Enumerable.Range(0, 8).Select(_ => new SqliteDatabase(FilePath, Schema, Migrations)).ToList();
        using var start = new Barrier(databases.Count);

        // One thread each, released together, so the opens really overlap (as separate processes would).
        await Task.WhenAll(databases.Select(database => Task.Factory.StartNew(
            () =>
            {
                start.SignalAndWait();
                OpenOnceAsync(database).GetAwaiter().GetResult();
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default)));

        Assert.Equal(Migrations.Length, SqliteFile.UserVersion(FilePath));
        Assert.Equal(1, SqliteFile.Scalar(FilePath, "SELECT COUNT(*) FROM runs"));
    }

    private static async Task OpenOnceAsync(SqliteDatabase database)
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM runs";
        await command.ExecuteScalarAsync();
    }
}
