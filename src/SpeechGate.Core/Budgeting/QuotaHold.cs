namespace SpeechGate.Budgeting;

/// <summary>Credits held against the upstream quota for one in-flight call; settle or dispose it exactly once.</summary>
public sealed class QuotaHold(long credits, Action<long, long> complete) : IDisposable
{
    private int _done;

    /// <summary>Credits held.</summary>
    public long Credits { get; } = credits;

    /// <summary>The call was billed <paramref name="billed"/> credits.</summary>
    public void Settle(long billed)
    {
        if (Interlocked.Exchange(ref _done, 1) == 0)
        {
            complete(Credits, billed);
        }
    }

    /// <summary>Releases the hold without a charge (the call failed).</summary>
    public void Dispose() => Settle(0);
}
