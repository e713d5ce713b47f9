namespace SpeechGate.Voiceover.Rendering;

/// <summary>
/// A look-ahead peak limiter: the gain reaches what the loudest sample in the next few milliseconds needs before that
/// sample passes, and recovers slowly after it. Output is delayed by the look-ahead; <see cref="Flush"/> drains it.
/// </summary>
internal sealed class PeakLimiter
{
    private readonly float _ceiling;
    private readonly float[] _delay;
    private readonly float[] _required;
    private readonly long[] _window;
    private readonly float _release;
    private int _head;
    private long _windowStart;
    private long _windowEnd;
    private long _count;
    private float _gain = 1f;

    public PeakLimiter(int sampleRate, double ceilingDbfs)
    {
        _ceiling = (float)Math.Pow(10, ceilingDbfs / 20);
        var lookahead = Math.Max(1, sampleRate / 200);
        _delay = new float[lookahead];
        _required = new float[lookahead + 1];
        _window = new long[lookahead + 1];
        _release = 1f - (float)Math.Exp(-1.0 / (sampleRate * 0.08));
    }

    /// <summary>Limits <paramref name="samples"/> in place (each output sample is the input from the look-ahead earlier).</summary>
    public void Process(Span<float> samples)
    {
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = Step(samples[i]);
        }
    }

    /// <summary>Pushes silence through to drain the look-ahead; returns the last samples.</summary>
    public float[] Flush()
    {
        var tail = new float[Math.Min(_delay.Length, (int)_count)];
        for (var i = 0; i < tail.Length; i++)
        {
            tail[i] = Step(0f);
        }

        return tail;
    }

    private float Step(float input)
    {
        var length = _delay.Length;
        var size = _required.Length;
        var position = _count++;
        var magnitude = Math.Abs(input);
        var required = magnitude > _ceiling ? _ceiling / magnitude : 1f;

        // Monotonic queue (positions) of the smallest required gain over the look-ahead window [position - length, position].
        while (_windowEnd > _windowStart && _window[_windowStart % size] < position - length)
        {
            _windowStart++;
        }

        while (_windowEnd > _windowStart && _required[_window[(_windowEnd - 1) % size] % size] >= required)
        {
            _windowEnd--;
        }

        _required[position % size] = required;
        _window[_windowEnd++ % size] = position;

        var target = _required[_window[_windowStart % size] % size];
        _gain = Math.Min(target, _gain + ((1f - _gain) * _release));
        var delayed = position >= length ? _delay[_head] : 0f;
        _delay[_head] = input;
        _head = (_head + 1) % length;
        return delayed * _gain;
    }
}
