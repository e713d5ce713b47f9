using System.Runtime.InteropServices;

namespace SpeechGate.Providers.Local.Native;

/// <summary>A FLAC__StreamEncoder pointer, deleted even if the owner is abandoned.</summary>
internal sealed class FlacEncoderHandle : SafeHandle
{
    public FlacEncoderHandle()
        : base(0, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == 0;

    public static FlacEncoderHandle Create()
    {
        var result = new FlacEncoderHandle();
        result.SetHandle(FlacNative.New());
        return result.IsInvalid ? throw new InvalidOperationException("FLAC__stream_encoder_new failed.") : result;
    }

    protected override bool ReleaseHandle()
    {
        FlacNative.Delete(handle);
        return true;
    }
}
