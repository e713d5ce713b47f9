namespace SpeechGate.Providers.Local.Tests.Support;

/// <summary>Little helpers over 16-bit little-endian mono PCM.</summary>
internal static class Pcm
{
    public static short[] From(byte[] bytes)
    {
        var samples = new short[bytes.Length / 2];
        Buffer.BlockCopy(bytes, 0, samples, 0, samples.Length * 2);
        return samples;
    }

    /// <summary>Pearson correlation of the 100 ms RMS envelopes over the common length: 1 for the same speech.</summary>
    public static double EnvelopeCorrelation(short[] a, short[] b, int window = 2205)
    {
        var x = Envelope(a, window);
        var y = Envelope(b, window);
        var n = Math.Min(x.Length, y.Length);
        double meanX = x.Take(n).Average(), meanY = y.Take(n).Average();
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < n; i++)
        {
            sxy += (x[i] - meanX) * (y[i] - meanY);
            sxx += (x[i] - meanX) * (x[i] - meanX);
            syy += (y[i] - meanY) * (y[i] - meanY);
        }

        return sxy / Math.Sqrt(sxx * syy);
    }

    private static double[] Envelope(short[] samples, int window)
        => [.. Enumerable.Range(0, samples.Length / window)
            .Select(w => Math.Sqrt(samples.AsSpan(w * window, window).ToArray().Average(s => (double)s * s)))];
}
