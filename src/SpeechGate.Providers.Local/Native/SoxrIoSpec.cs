using System.Runtime.InteropServices;

namespace SpeechGate.Providers.Local.Native;

/// <summary>soxr_io_spec_t.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct SoxrIoSpec
{
    public int InputType;
    public int OutputType;
    public double Scale;
    public void* Reserved;
    public CULong Flags;
}
