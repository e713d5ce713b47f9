using SpeechGate.Testing.Postgres;

namespace SpeechGate.Storage.Postgres.Tests;

/// <summary>One real PostgreSQL server for the test run (<see cref="PostgresInstance"/>); each test creates its own database.</summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private PostgresInstance? _instance;

    public async Task InitializeAsync() => _instance = await PostgresInstance.StartAsync();

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public Task<string> CreateDatabaseAsync() => _instance!.CreateDatabaseAsync();

    public async Task DisposeAsync()
    {
        if (_instance is not null)
        {
            await _instance.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresGroup : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}
