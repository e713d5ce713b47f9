using Microsoft.Extensions.Options;

namespace SpeechGate.Providers.ElevenLabs;

/// <summary>Keeps this gateway under the account's concurrency limits so ElevenLabs rarely needs to answer 429.</summary>
/// <remarks>
/// One pool per model family (Multilingual/v3 and Flash/Turbo), sized from the options or the plan (§12). A slot is
/// held from the request until its audio is read to the end or disposed, because upstream counts a request while it
/// is generating.
/// </remarks>
internal sealed class ElevenLabsConcurrencyLimiter
{
    private readonly Pool _standard;
    private readonly Pool _fast;

    public ElevenLabsConcurrencyLimiter(IOptions<ElevenLabsOptions> options)
    {
        var value = options.Value;
        _standard = new Pool(value.MaxConcurrentRequests ?? ElevenLabsConcurrencyDefaults.For(value.Tier, null));
        _fast = new Pool(value.MaxConcurrentFastRequests ?? ElevenLabsConcurrencyDefaults.For(value.Tier, "eleven_flash_v2_5"));
    }

    /// <summary>Slots in use for the model's family.</summary>
    public int InUse(string? modelId) => PoolFor(modelId).InUse;

    /// <summary>Waits for a slot in the model's family; dispose the lease to free it.</summary>
    public async ValueTask<IDisposable> AcquireAsync(string? modelId, CancellationToken cancellationToken)
    {
        var pool = PoolFor(modelId);
        await pool.Semaphore.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Lease(pool);
    }

    /// <summary>
    /// After upstream said "too many concurrent requests": waits until one of our own requests in the family finishes,
    /// up to <paramref name="timeout"/>. Returns false at once when none of ours is running (someone else holds the slots).
    /// </summary>
    public async ValueTask<bool> WaitForReleaseAsync(string? modelId, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        var pool = PoolFor(modelId);
        var released = pool.NextRelease;
        if (pool.InUse == 0)
        {
            return false;
        }

        try
        {
            await released.WaitAsync(timeout, time, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private Pool PoolFor(string? modelId) => ElevenLabsConcurrencyDefaults.IsFastModel(modelId) ? _fast : _standard;

    private sealed class Pool(int limit)
    {
        private TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public SemaphoreSlim Semaphore { get; } = new(limit, limit);

        public int InUse => limit - Semaphore.CurrentCount;

        public Task NextRelease => Volatile.Read(ref _release).Task;

        public void Release()
        {
            Semaphore.Release();
            var previous = Interlocked.Exchange(ref _release, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            previous.TrySetResult();
        }
    }

    private sealed class Lease(Pool pool) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                pool.Release();
            }
        }
    }
}
