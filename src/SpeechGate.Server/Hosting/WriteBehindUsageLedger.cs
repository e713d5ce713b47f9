using System.Threading.Channels;
using SpeechGate.Metering;

namespace SpeechGate.Server.Hosting;

/// <summary>
/// The gateway's ledger: a paid row is written before the answer goes out (it decides re-buy and regeneration flags and
/// must survive a crash); a free row (cache hit, coalesced) is queued and written in batches, so a hit costs no SQLite
/// transaction on the request path. Summaries and shutdown flush the queue first. Free rows of one batch that differ only in
/// time (a hot clip asked for again and again by one key, project and line) are written as one row with their count
/// (<see cref="UsageRecord.Answers"/>), so totals stay exact while a busy cache writes a handful of rows, not thousands.
/// </summary>
internal sealed partial class WriteBehindUsageLedger : IUsageLedger, IAsyncDisposable
{
    private const int MaxBatch = 16_384;

    // Free rows wait this long to be folded together; a summary or shutdown does not wait for it.
    private static readonly TimeSpan BatchInterval = TimeSpan.FromMilliseconds(200);

    private readonly SqliteUsageLedger _inner;
    private readonly ILogger<WriteBehindUsageLedger> _logger;
    private readonly Channel<object> _queue = Channel.CreateBounded<object>(new BoundedChannelOptions(100_000)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    private readonly Task _writer;
    private TaskCompletionSource _flushRequested = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public WriteBehindUsageLedger(SqliteUsageLedger inner, ILogger<WriteBehindUsageLedger> logger)
    {
        _inner = inner;
        _logger = logger;
        _writer = Task.Run(WriteAsync);
    }

    public async Task<UsageRecord> AppendAsync(UsageRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Credits > 0)
        {
            return await _inner.AppendAsync(record, cancellationToken);
        }

        if (!_queue.Writer.TryWrite(record))
        {
            // Full: the writer is behind, so wait for room rather than grow without bound.
            await _queue.Writer.WriteAsync(record, cancellationToken);
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
        var flushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await _queue.Writer.WriteAsync(flushed, cancellationToken);
        Volatile.Read(ref _flushRequested).TrySetResult();
        await flushed.Task.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        Volatile.Read(ref _flushRequested).TrySetResult();
        await _writer;
    }

    private async Task WriteAsync()
    {
        var batch = new List<UsageRecord>(MaxBatch);
        var waiting = new List<TaskCompletionSource>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var item))
            {
                if (item is UsageRecord record)
                {
                    batch.Add(record);
                }
                else
                {
                    waiting.Add((TaskCompletionSource)item);
                }
            }

            await WriteBatchAsync(batch);
            waiting.ForEach(flushed => flushed.TrySetResult());
            var full = batch.Count == MaxBatch;
            batch.Clear();
            waiting.Clear();
            if (!full)
            {
                await Task.WhenAny(Task.Delay(BatchInterval), Volatile.Read(ref _flushRequested).Task);
                Interlocked.Exchange(ref _flushRequested, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            }
        }
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
    }

    internal static List<UsageRecord> Fold(List<UsageRecord> batch)
    {
        var rows = new List<UsageRecord>(batch.Count);
        var answers = new List<int>(batch.Count);
        var index = new Dictionary<(UsageRecord Answer, DateTime Day), int>(batch.Count);
        foreach (var record in batch)
        {
            // Records compare by value: the same answer is the same record once time and count are set aside.
            var key = (record with { Time = default, Answers = 0 }, record.Time.UtcDateTime.Date);
            if (index.TryGetValue(key, out var row))
            {
                answers[row] += record.Answers;
                continue;
            }

            index[key] = rows.Count;
            rows.Add(record);
            answers.Add(record.Answers);
        }

        for (var i = 0; i < rows.Count; i++)
        {
            if (answers[i] != rows[i].Answers)
            {
                rows[i] = rows[i] with { Answers = answers[i] };
            }
        }

        return rows;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not write {Count} cache-hit rows to the ledger")]
    private static partial void LogWriteFailed(ILogger logger, int count, Exception exception);
}
