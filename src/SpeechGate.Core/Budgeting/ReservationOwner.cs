using System.Diagnostics;
using System.Globalization;

namespace SpeechGate.Budgeting;

/// <summary>Who holds a reservation: this host and process (id and start time, so a reused pid is not mistaken for it).</summary>
internal static class ReservationOwner
{
    private static readonly long StartTicks = ProcessStartTicks(Environment.ProcessId) ?? 0;

    /// <summary>This process, as <c>host:pid:start</c>.</summary>
    public static string Current { get; } = string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}:{Environment.ProcessId}:{StartTicks}");

    /// <summary>Whether <paramref name="owner"/> names a process still running on this host (another host's is assumed alive).</summary>
    public static bool IsAlive(string owner)
    {
        var parts = owner.Split(':');
        if (parts.Length != 3 || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var pid) || !long.TryParse(parts[2], CultureInfo.InvariantCulture, out var start))
        {
            return false;
        }

        if (parts[0] != Environment.MachineName)
        {
            return true; // only its lease expiry can tell
        }

        return ProcessStartTicks(pid) == start;
    }

    private static long? ProcessStartTicks(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.StartTime.ToUniversalTime().Ticks;
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
