namespace SpeechGate.Server.Tests.Faults;

/// <summary>A fact that needs root (to mount a real tmpfs); otherwise reported as skipped, with the reason.</summary>
public sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("USER") is not ("root" or null) || GetEuid() != 0)
        {
            Skip = "Skipped: needs root on Linux to mount a small tmpfs (a real full filesystem).";
        }
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "geteuid")]
    private static extern uint GetEuid();
}
