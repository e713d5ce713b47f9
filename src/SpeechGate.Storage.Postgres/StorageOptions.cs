namespace SpeechGate.Storage;

/// <summary>Where state is kept (configuration section <c>Storage</c>, or <c>SPEECHGATE_Storage__…</c> variables).</summary>
public sealed class StorageOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Storage";

    /// <summary>The embedded default: SQLite files in the data directory.</summary>
    public const string Sqlite = "sqlite";

    /// <summary>A PostgreSQL database shared by several replicas.</summary>
    public const string Postgres = "postgres";

    /// <summary><c>sqlite</c> (default) or <c>postgres</c>.</summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>The PostgreSQL connection string (Npgsql syntax), required for <c>postgres</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// How long a budget reservation is held without being settled or released before any replica ends it (never-sent
    /// calls released, sent ones charged at the estimate). Default 15 minutes, as with SQLite.
    /// </summary>
    public TimeSpan ReservationLease { get; set; } = TimeSpan.FromMinutes(15);
}
