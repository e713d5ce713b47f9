using System.Runtime.InteropServices;

namespace SpeechGate.Providers.Local.Native;

/// <summary>A natively allocated ogg_stream_state, cleared and freed even if the owner is abandoned.</summary>
internal sealed unsafe class OggStreamHandle : SafeHandle
{
    public OggStreamHandle()
        : base(0, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == 0;

    public static OggStreamHandle Create(int serialNumber)
    {
        var result = new OggStreamHandle();
        var state = (nint)NativeMemory.AllocZeroed(OggNative.StreamStateSize);
        result.SetHandle(state);
        if (OggNative.StreamInit(state, serialNumber) != 0)
        {
            result.Dispose();
            throw new InvalidOperationException("ogg_stream_init failed.");
        }

        return result;
    }

    protected override bool ReleaseHandle()
    {
        var cleared = OggNative.StreamClear(handle) == 0;
        NativeMemory.Free((void*)handle);
        return cleared;
    }
}
