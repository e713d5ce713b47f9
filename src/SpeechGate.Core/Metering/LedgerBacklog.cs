using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using SpeechGate.Budgeting;

namespace SpeechGate.Metering;

/// <summary>
/// Charges that happened upstream but could not be written when they did (full disk, locked or broken database): kept in
/// memory and in an append-only JSON-lines file beside the database, and written to the ledger and the budgets later.
/// </summary>
/// <remarks>
/// The rule it serves: once upstream answered 200 the caller gets the audio, and bookkeeping is never a reason to fail
/// the answer. A failed write lands here and is retried every <see cref="RetryInterval"/>, on the next write, and when
/// the ledger is read; a restart reloads the file. If the file cannot be written either (the disk is full) the entry is
/// held in memory and the file is rewritten once space returns. A crash between a retried write and the file's rewrite
/// can write an entry twice: the ledger may then over-count, never under-count. Thread-safe.
/// </remarks>
public sealed partial class LedgerBacklog : IAsyncDisposable
{
    /// <summary>How often a non-empty backlog is retried.</summary>
    public static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(5);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private readonly IUsageLedger _ledger;
    private readonly IBudgetStore _budgets;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private readonly SemaphoreSlim _draining = new(1, 1);
    private readonly List<BacklogEntry> _entries = [];
    private readonly ITimer _timer;
    private bool _fileBehind;

    /// <summary>Creates the backlog over <paramref name="path"/>, loading what a previous process left there.</summary>
    public LedgerBacklog(string path, IUsageLedger ledger, IBudgetStore budgets, TimeProvider time, ILogger<LedgerBacklog> logger)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(time);
        Path = path;
        _ledger = ledger;
        _budgets = budgets;
        _logger = logger;
        Load();
        _timer = time.CreateTimer(_ => _ = DrainQuietlyAsync(), null, TimeSpan.Zero, RetryInterval);
    }

    /// <summary>The JSON-lines file (<c>ledger-backlog.jsonl</c> beside the database).</summary>
    public string Path { get; }

    /// <summary>Ledger rows waiting to be written.</summary>
    public int PendingRows
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count(e => e.Row is not null);
            }
        }
    }

    /// <summary>Credits those rows carry.</summary>
    public long PendingCredits
    {
        get
        {
            lock (_lock)
            {
                return _entries.Sum(e => (e.Row?.Credits ?? 0) * (e.Row?.Answers ?? 0));
            }
        }
    }

    /// <summary>Appends <paramref name="record"/> to the ledger, or to the backlog when the ledger cannot take it now.</summary>
    public async Task<UsageRecord> AppendAsync(UsageRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        try
        {
            return await _ledger.AppendAsync(record, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogRowDeferred(_logger, record.Credits, record.RequestId, exception.Message);
            Add(new BacklogEntry { Row = record });
            return record;
        }
    }

    /// <summary>Settles <paramref name="reservation"/>, or defers the settlement when the budget store cannot take it now.</summary>
    public async Task SettleAsync(BudgetReservation reservation, long credits)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        try
        {
            await _budgets.SettleAsync(reservation, credits, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogSettlementDeferred(_logger, credits, reservation.Id, exception.Message);
            Add(new BacklogEntry { Reservation = reservation, Credits = credits });
        }
    }

    /// <summary>
    /// Writes what is waiting, then (once nothing is) ends reservations that crashed processes left behind
    /// (<see cref="IBudgetStore.RecoverAbandonedAsync"/>); returns how many entries remain (0 when everything is in).
    /// </summary>
    /// <remarks>Runs at start and every <see cref="RetryInterval"/>: pending settlements land before abandoned reservations are judged.</remarks>
    public async Task<int> DrainAsync(CancellationToken cancellationToken = default)
    {
        var remaining = await WritePendingAsync(cancellationToken).ConfigureAwait(false);
        if (remaining == 0)
        {
            try
            {
                var ended = await _budgets.RecoverAbandonedAsync(cancellationToken).ConfigureAwait(false);
                if (ended > 0)
                {
                    LogRecovered(_logger, ended);
                }
            }
            catch (Exception exception) when (exception is not OutOfMemoryException and not OperationCanceledException)
            {
                LogRecoveryFailed(_logger, exception.Message);
            }
        }

        return remaining;
    }

    private async Task<int> WritePendingAsync(CancellationToken cancellationToken)
    {
        await _draining.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            List<BacklogEntry> pending;
            lock (_lock)
            {
                if (_entries.Count == 0 && !_fileBehind)
                {
                    return 0;
                }

                pending = [.. _entries];
            }

            var written = 0;
            foreach (var entry in pending)
            {
                try
                {
                    await WriteAsync(entry).ConfigureAwait(false);
                    written++;
                }
                catch (Exception exception) when (exception is not OutOfMemoryException)
                {
                    LogStillFailing(_logger, pending.Count - written, exception.Message);
                    break;
                }
            }

            lock (_lock)
            {
                _entries.RemoveRange(0, written);
                if (written > 0 || _fileBehind)
                {
                    Rewrite();
                }

                if (written > 0)
                {
                    LogDrained(_logger, written, _entries.Count);
                }

                return _entries.Count;
            }
        }
        finally
        {
            _draining.Release();
        }
    }

    /// <summary>Tries a last time to write what is waiting; what cannot be written stays in the file.</summary>
    public async ValueTask DisposeAsync()
    {
        await _timer.DisposeAsync().ConfigureAwait(false);
        await DrainQuietlyAsync().ConfigureAwait(false);
    }

    private async Task DrainQuietlyAsync()
    {
        try
        {
            await DrainAsync().ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            // Shutting down: the file keeps what is left.
        }
    }

    private Task WriteAsync(BacklogEntry entry) => entry.Row is { } row
        ? _ledger.AppendAsync(row, CancellationToken.None)
        : _budgets.SettleAsync(entry.Reservation!, entry.Credits, CancellationToken.None);

    private void Add(BacklogEntry entry)
    {
        lock (_lock)
        {
            _entries.Add(entry);
            if (_fileBehind)
            {
                Rewrite();
                return;
            }

            try
            {
                File.AppendAllText(Path, JsonSerializer.Serialize(entry, Json) + "\n");
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                _fileBehind = true;
                LogFileFailed(_logger, Path, exception.Message);
            }
        }
    }

    // Replaces the file with what is still waiting (temp + rename, so a crash leaves the old or the new list).
    private void Rewrite()
    {
        try
        {
            if (_entries.Count == 0)
            {
                File.Delete(Path);
            }
            else
            {
                var temp = Path + ".tmp";
                File.WriteAllLines(temp, _entries.Select(e => JsonSerializer.Serialize(e, Json)));
                File.Move(temp, Path, overwrite: true);
            }

            _fileBehind = false;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            _fileBehind = true;
            LogFileFailed(_logger, Path, exception.Message);
        }
    }

    private void Load()
    {
        if (!File.Exists(Path))
        {
            return;
        }

        foreach (var line in File.ReadLines(Path).Where(l => l.Length > 0))
        {
            try
            {
                if (JsonSerializer.Deserialize<BacklogEntry>(line, Json) is { } entry && (entry.Row is not null || entry.Reservation is not null))
                {
                    _entries.Add(entry);
                }
            }
            catch (JsonException)
            {
                // A line cut short by a crash mid-append: the rest of the file is still good.
                LogBadLine(_logger, Path);
            }
        }

        if (_entries.Count > 0)
        {
            LogLoaded(_logger, _entries.Count, Path);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ledger write failed ({Error}); {Credits} credits (request {RequestId}) kept in the ledger backlog and retried")]
    private static partial void LogRowDeferred(ILogger logger, long credits, string? requestId, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Budget settlement failed ({Error}); {Credits} credits of reservation {Reservation} kept in the ledger backlog and retried")]
    private static partial void LogSettlementDeferred(ILogger logger, long credits, string reservation, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ended {Count} budget reservations abandoned by a process that is gone (never-sent calls released, sent ones ledgered as unsettled)")]
    private static partial void LogRecovered(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not check for abandoned budget reservations ({Error})")]
    private static partial void LogRecoveryFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ledger backlog: {Count} entries still cannot be written ({Error})")]
    private static partial void LogStillFailing(ILogger logger, int count, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ledger backlog: wrote {Written} entries, {Remaining} left")]
    private static partial void LogDrained(ILogger logger, int written, int remaining);

    [LoggerMessage(Level = LogLevel.Error, Message = "Ledger backlog file {Path} cannot be written ({Error}); entries are held in memory until it can")]
    private static partial void LogFileFailed(ILogger logger, string path, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ledger backlog {Path}: skipped a line cut short")]
    private static partial void LogBadLine(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ledger backlog: {Count} entries left by an earlier run in {Path}; writing them")]
    private static partial void LogLoaded(ILogger logger, int count, string path);

    private sealed record BacklogEntry
    {
        public UsageRecord? Row { get; init; }

        public BudgetReservation? Reservation { get; init; }

        public long Credits { get; init; }
    }
}
