using SpeechGate.Providers.Local.Native;

namespace SpeechGate.Providers.Local.Audio;

/// <summary>Streaming mono 16-bit sample-rate conversion with libsoxr; a pass-through when the rates are equal.</summary>
internal sealed unsafe class SampleRateConverter : IDisposable
{
    private readonly SoxrHandle? _soxr;
    private readonly double _ratio;
    private short[] _buffer = new short[4096];

    public SampleRateConverter(int inputRate, int outputRate)
    {
        _ratio = (double)outputRate / inputRate;
        _soxr = inputRate == outputRate ? null : SoxrHandle.Create(inputRate, outputRate);
    }

    /// <summary>Converts a block; the result is valid until the next call.</summary>
    public ReadOnlySpan<short> Convert(ReadOnlySpan<short> input)
    {
        if (_soxr is null)
        {
            return input;
        }

        var produced = 0;
        while (!input.IsEmpty)
        {
            EnsureSpace(produced + (int)(input.Length * _ratio) + 64);
            fixed (short* source = input)
            fixed (short* target = _buffer)
            {
                Check(SoxrNative.Process(_soxr, source, (nuint)input.Length, out var used, target + produced, (nuint)(_buffer.Length - produced), out var made));
                input = input[(int)used..];
                produced += (int)made;
            }
        }

        return _buffer.AsSpan(0, produced);
    }

    /// <summary>Returns the samples still inside the filter at the end of the stream.</summary>
    public ReadOnlySpan<short> Drain()
    {
        if (_soxr is null)
        {
            return [];
        }

        var produced = 0;
        while (true)
        {
            EnsureSpace(produced + 1024);
            fixed (short* target = _buffer)
            {
                Check(SoxrNative.Process(_soxr, null, 0, out _, target + produced, (nuint)(_buffer.Length - produced), out var made));
                if (made == 0)
                {
                    return _buffer.AsSpan(0, produced);
                }

                produced += (int)made;
            }
        }
    }

    public void Dispose() => _soxr?.Dispose();

    private void EnsureSpace(int length)
    {
        if (_buffer.Length < length)
        {
            Array.Resize(ref _buffer, Math.Max(length, _buffer.Length * 2));
        }
    }

    private static void Check(nint error)
    {
        if (error != 0)
        {
            throw new InvalidOperationException("soxr_process failed: " + System.Runtime.InteropServices.Marshal.PtrToStringUTF8(error));
        }
    }
}
