using System.Runtime.InteropServices;

namespace SpeechGate.Providers.Local.Native;

/// <summary>An OpusEncoder pointer, destroyed even if the owner is abandoned.</summary>
internal sealed class OpusEncoderHandle : SafeHandle
{
    public OpusEncoderHandle()
        : base(0, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == 0;

    public static OpusEncoderHandle Create(int sampleRate, int application)
    {
        var result = new OpusEncoderHandle();
        result.SetHandle(OpusNative.EncoderCreate(sampleRate, 1, application, out var error));
        return result.IsInvalid || error != 0
            ? throw new InvalidOperationException($"opus_encoder_create failed ({error}).")
            : result;
    }

    protected override bool ReleaseHandle()
    {
        OpusNative.EncoderDestroy(handle);
        return true;
    }
}
