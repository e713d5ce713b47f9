using System.Runtime.InteropServices;

namespace SpeechGate.Providers.Local.Native;

/// <summary>An mpg123_handle pointer, deleted even if the owner is abandoned.</summary>
internal sealed class Mpg123Handle : SafeHandle
{
    private static readonly Lazy<int> Initialised = new(Mpg123Native.Init);

    public Mpg123Handle()
        : base(0, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == 0;

    public static Mpg123Handle Create()
    {
        _ = Initialised.Value;
        var result = new Mpg123Handle();
        result.SetHandle(Mpg123Native.New(0, out var error));
        return result.IsInvalid ? throw new InvalidOperationException($"mpg123_new failed: {Mpg123Native.Describe(error)}.") : result;
    }

    protected override bool ReleaseHandle()
    {
        Mpg123Native.Delete(handle);
        return true;
    }
}
