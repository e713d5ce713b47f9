using System.Diagnostics;
using Npgsql;

namespace SpeechGate.Testing.Postgres;

/// <summary>
/// A real PostgreSQL server (Debian's <c>postgresql</c> package) for this test run: <c>initdb</c> into a temp directory,
/// <c>postgres</c> listening on a Unix socket there only, a fresh database per test, everything removed at the end.
/// </summary>
/// <remarks>
/// PostgreSQL refuses to run as root, so under root (CI, containers) the server runs as the <c>postgres</c> system user
/// the package creates, via <c>runuser</c>.
/// </remarks>
public sealed class PostgresInstance : IAsyncDisposable
{
    private const int Port = 5432;
    private Process? _server;
    private string? _root;
    private string _bin = null!;
    private bool _asRoot;

    /// <summary>The directory holding the server's socket.</summary>
    public string SocketDirectory => Path.Combine(_root!, "socket");

    /// <summary>An administrative connection string (database <c>postgres</c>).</summary>
    public string AdminConnectionString => ConnectionString("postgres");

    /// <summary>Creates and starts the server; throws when PostgreSQL is not installed.</summary>
    public static async Task<PostgresInstance> StartAsync()
    {
        var instance = new PostgresInstance();
        try
        {
            await instance.InitializeAsync();
        }
        catch
        {
            await instance.DisposeAsync();
            throw;
        }

        return instance;
    }

    private async Task InitializeAsync()
    {
        var bin = _bin = FindBinaries();
        var asRoot = _asRoot = Environment.UserName == "root";
        _root = Directory.CreateTempSubdirectory("speechgate-pg-").FullName;
        var data = Path.Combine(_root!, "data");
        Directory.CreateDirectory(SocketDirectory);
        if (asRoot)
        {
            // The server's user must own its directories (and reach them through the temp dir).
            await RunAsync("chown", ["-R", "postgres:postgres", _root]);
        }

        await RunAsync(Tool(bin, "initdb", asRoot), [.. Prefix(bin, "initdb", asRoot), "-D", data, "-U", "speechgate", "--auth=trust", "-E", "UTF8", "--no-sync"]);
        var start = new ProcessStartInfo(Tool(bin, "postgres", asRoot))
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        foreach (var argument in (string[])[.. Prefix(bin, "postgres", asRoot), "-D", data, "-k", SocketDirectory, "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-c", "listen_addresses=", "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=400"])
        {
            start.ArgumentList.Add(argument);
        }

        _server = Process.Start(start) ?? throw new InvalidOperationException("postgres did not start.");
        _server.OutputDataReceived += (_, _) => { };
        _server.ErrorDataReceived += (_, _) => { };
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();
        await WaitUntilReadyAsync();
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"sg_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is { HasExited: false })
        {
            // Immediate shutdown (the data goes away anyway), through pg_ctl so shared memory is released too.
            try
            {
                await RunAsync(Tool(_bin, "pg_ctl", _asRoot), [.. Prefix(_bin, "pg_ctl", _asRoot), "stop", "-D", Path.Combine(_root!, "data"), "-m", "immediate", "-w"]);
            }
            catch (InvalidOperationException)
            {
                _server.Kill(entireProcessTree: true);
            }
        }

        if (_server is not null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try
            {
                await _server.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _server.Kill(entireProcessTree: true);
            }

            _server.Dispose();
        }

        if (_root is not null && Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = SocketDirectory,
        Port = Port,
        Username = "speechgate",
        Database = database,
        MaxPoolSize = 50,
        Timeout = 30,
    }.ConnectionString;

    private async Task WaitUntilReadyAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(AdminConnectionString);
                await connection.OpenAsync();
                return;
            }
            catch (Exception error) when (error is NpgsqlException or System.Net.Sockets.SocketException && deadline.Elapsed < TimeSpan.FromSeconds(60))
            {
                if (_server!.HasExited)
                {
                    throw new InvalidOperationException($"postgres exited with {_server.ExitCode} before accepting connections.", error);
                }

                await Task.Delay(100);
            }
        }
    }

    private static string FindBinaries()
        => Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => d, StringComparer.Ordinal).FirstOrDefault()
                ?? throw new InvalidOperationException("PostgreSQL binaries not found under /usr/lib/postgresql; install the postgresql package (./test does).")
            : throw new InvalidOperationException("PostgreSQL is not installed (/usr/lib/postgresql missing); install the postgresql package (./test does).");

    private static string Tool(string bin, string name, bool asRoot) => asRoot ? "runuser" : Path.Combine(bin, name);

    private static string[] Prefix(string bin, string name, bool asRoot) => asRoot ? ["-u", "postgres", "--", Path.Combine(bin, name)] : [];

    private static async Task RunAsync(string tool, string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error}{await output}");
        }
    }
}
