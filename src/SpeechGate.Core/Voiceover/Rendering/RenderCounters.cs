namespace SpeechGate.Voiceover.Rendering;

/// <summary>Running totals for progress and the result; updated from concurrent line tasks.</summary>
internal sealed class RenderCounters(int lines)
{
    private readonly Lock _lock = new();

    public int Lines { get; } = lines;

    public int Done { get; private set; }

    public int Cached { get; private set; }

    public int Paid { get; private set; }

    public int Failed { get; private set; }

    public double Credits { get; private set; }

    public Exception? FirstFailure { get; private set; }

    public RenderProgress Record(bool paid, double credits, Exception? failure = null)
    {
        lock (_lock)
        {
            Done++;
            if (failure is not null)
            {
                Failed++;
                FirstFailure ??= failure;
            }
            else if (paid)
            {
                Paid++;
            }
            else
            {
                Cached++;
            }

            Credits += credits;
            return new RenderProgress(Lines, Done, Cached, Paid, Failed, Credits);
        }
    }

    /// <summary>A new take paid after its line was already counted.</summary>
    public RenderProgress AddTake(double credits)
    {
        lock (_lock)
        {
            Credits += credits;
            return new RenderProgress(Lines, Done, Cached, Paid, Failed, Credits);
        }
    }
}
