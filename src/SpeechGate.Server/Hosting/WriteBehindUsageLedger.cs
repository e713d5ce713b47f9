using System.Collections.Concurrent;
using SpeechGate.Metering;

namespace SpeechGate.Server.Hosting;

/// <summary>
/// The gateway's ledger: a paid row is written before the answer goes out (it decides re-buy and regeneration flags and
/// must survive a crash); a free row (cache hit, coalesced) is queued and written in batches, so a hit costs no SQLite
/// transaction on the request path. Summaries and shutdown flush the queue first. Free rows of one batch that differ only in
/// time (a hot clip asked for again and again by one key, project and line) are written as one row with their count
/// (<see cref="UsageRecord.Answers"/>), so totals stay exact while a busy cache writes a handful of rows, not thousands.
/// </summary>
/// <remarks>
/// Queueing a row takes no lock (a concurrent queue; the writer wakes every <see cref="BatchInterval"/> or when flushed).
/// Past <see cref="Capacity"/> queued rows a caller waits for the writer rather than let the queue grow without bound.
/// </remarks>
internal sealed partial class WriteBehindUsageLedger : IUsageLedger, IAsyncDisposable
{
    private const int MaxBatch = 16_384;
    private const int Capacity = 100_000;

    // Free rows wait this long to be folded together (a summary or shutdown does not wait). Short on purpose: rows held
    // longer outlive the youngest GC generation, and at 60k hits/s a 200 ms wait cost a full collection a second.
    private static readonly TimeSpan BatchInterval = TimeSpan.FromMilliseconds(20);

    private readonly SqliteUsageLedger _inner;
    private readonly ILogger<WriteBehindUsageLedger> _logger;
    private readonly ConcurrentQueue<object> _queue = new();
    private readonly Task _writer;
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _queued;
    private volatile bool _closed;

    public WriteBehindUsageLedger(SqliteUsageLedger inner, ILogger<WriteBehindUsageLedger> logger)
    {
        _inner = inner;
        _logger = logger;
        _writer = Task.Run(WriteAsync);
    }

    public async Task<UsageRecord> AppendAsync(UsageRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Credits > 0 || _closed)
        {
            return await _inner.AppendAsync(record, cancellationToken);
        }

        _queue.Enqueue(record);
        if (Interlocked.Increment(ref _queued) > Capacity)
        {
            // The writer is behind: wait for it rather than grow without bound.
            await FlushAsync(cancellationToken);
        }

        return record;
    }

    public async Task<IReadOnlyList<LedgerTotals>> SummarizeAsync(LedgerGrouping grouping, DateTimeOffset? since, CancellationToken cancellationToken = default)
    {
        await FlushAsync(cancellationToken);
        return await _inner.SummarizeAsync(grouping, since, cancellationToken);
    }

    /// <summary>Waits until every row queued before this call is written.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        if (_closed)
        {
            return; // disposed: nothing is queued any more
        }

        var flushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _queue.Enqueue(flushed);
        Volatile.Read(ref _wake).TrySetResult();
        await flushed.Task.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _closed = true;
        Volatile.Read(ref _wake).TrySetResult();
        await _writer;

        // Rows queued while the writer made its last pass (appends from now on go straight to SQLite).
        await WritePassAsync(new List<UsageRecord>(), []);
    }

    private async Task WriteAsync()
    {
        var batch = new List<UsageRecord>(MaxBatch);
        var waiting = new List<TaskCompletionSource>();
        while (true)
        {
            var closing = _closed;
            await WritePassAsync(batch, waiting);
            if (closing)
            {
                return;
            }

            await Task.WhenAny(Task.Delay(BatchInterval), Volatile.Read(ref _wake).Task);
            Interlocked.Exchange(ref _wake, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        }
    }

    // Writes everything queued so far, then releases the flushes that were queued among it.
    private async Task WritePassAsync(List<UsageRecord> batch, List<TaskCompletionSource> waiting)
    {
        while (_queue.TryDequeue(out var item))
        {
            if (item is UsageRecord record)
            {
                batch.Add(record);
                if (batch.Count == MaxBatch)
                {
                    await WriteBatchAsync(batch);
                }
            }
            else
            {
                waiting.Add((TaskCompletionSource)item);
            }
        }

        await WriteBatchAsync(batch);
        waiting.ForEach(flushed => flushed.TrySetResult());
        waiting.Clear();
    }

    private async Task WriteBatchAsync(List<UsageRecord> batch)
    {
        if (batch.Count == 0)
        {
            return;
        }

        try
        {
            await _inner.AppendManyAsync(Fold(batch), CancellationToken.None);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Free rows only: losing them loses "saved by cache" totals, never a charge.
            LogWriteFailed(_logger, batch.Count, exception);
        }
        finally
        {
            Interlocked.Add(ref _queued, -batch.Count);
            batch.Clear();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not write {Count} cache-hit rows to the ledger")]
    private static partial void LogWriteFailed(ILogger logger, int count, Exception exception);
}
