using System.Runtime.InteropServices;

namespace SpeechGate.Providers.Local.Native;

/// <summary>A lame_global_flags pointer, closed even if the owner is abandoned.</summary>
internal sealed class LameHandle : SafeHandle
{
    public LameHandle()
        : base(0, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == 0;

    public static LameHandle Create()
    {
        var result = new LameHandle();
        result.SetHandle(LameNative.Init());
        return result.IsInvalid ? throw new InvalidOperationException("lame_init failed.") : result;
    }

    protected override bool ReleaseHandle() => LameNative.Close(handle) == 0;
}
