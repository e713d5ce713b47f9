using System.Runtime.InteropServices;

namespace SpeechGate.Cli;

/// <summary>What a path is on Linux (regular file, device, pipe…), read with <c>statx</c>, whose layout is the same on every architecture.</summary>
internal static partial class UnixFileKind
{
    public const int Missing = -1;
    public const int Fifo = 0x1000;
    public const int CharacterDevice = 0x2000;
    public const int Directory = 0x4000;
    public const int BlockDevice = 0x6000;
    public const int Regular = 0x8000;
    public const int Socket = 0xC000;

    private const int CurrentDirectory = -100; // AT_FDCWD
    private const uint TypeMask = 0x1; // STATX_TYPE
    private const int ModeOffset = 28; // struct statx: stx_mode

    /// <summary>The file type bits of <paramref name="path"/> (symlinks followed), or <see cref="Missing"/>.</summary>
    public static int Of(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return File.Exists(path) ? Regular : System.IO.Directory.Exists(path) ? Directory : Missing;
        }

        var buffer = new byte[256];
        return Statx(CurrentDirectory, path, 0, TypeMask, buffer) == 0 ? BitConverter.ToUInt16(buffer, ModeOffset) & 0xF000 : Missing;
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int Statx(int directory, string path, int flags, uint mask, [Out] byte[] buffer);
}
