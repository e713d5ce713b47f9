using System.Runtime.InteropServices;

namespace SpeechGate.Proofing.Spelling;

/// <summary>Owns a <c>Hunhandle*</c>; destroyed exactly once.</summary>
internal sealed class HunspellHandle : SafeHandle
{
    public HunspellHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        HunspellNative.Destroy(handle);
        return true;
    }
}
