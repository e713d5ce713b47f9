using System.Runtime.InteropServices;

namespace SpeechGate.Providers.Local.Native;

/// <summary>A soxr_t, deleted even if the owner is abandoned.</summary>
internal sealed unsafe class SoxrHandle : SafeHandle
{
    public SoxrHandle()
        : base(0, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == 0;

    /// <summary>A mono 16-bit resampler at soxr's default (high) quality, without dither so output is reproducible.</summary>
    public static SoxrHandle Create(int inputRate, int outputRate)
    {
        var spec = new SoxrIoSpec
        {
            InputType = SoxrNative.Int16Interleaved,
            OutputType = SoxrNative.Int16Interleaved,
            Scale = 1,
            Flags = new CULong(SoxrNative.NoDither),
        };
        var result = new SoxrHandle();
        result.SetHandle(SoxrNative.Create(inputRate, outputRate, 1, out var error, &spec, null, null));
        if (error != 0 || result.IsInvalid)
        {
            result.Dispose();
            throw new InvalidOperationException("soxr_create failed: " + Marshal.PtrToStringUTF8(error));
        }

        return result;
    }

    protected override bool ReleaseHandle()
    {
        SoxrNative.Delete(handle);
        return true;
    }
}
