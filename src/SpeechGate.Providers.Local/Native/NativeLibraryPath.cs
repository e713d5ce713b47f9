using System.Globalization;
using System.Runtime.InteropServices;

namespace SpeechGate.Providers.Local.Native;

/// <summary>Finds the file the dynamic loader picks for a library name (Linux: from /proc/self/maps).</summary>
internal static class NativeLibraryPath
{
    /// <summary>Loads <paramref name="name"/> briefly and returns the real path of the file that holds <paramref name="export"/>.</summary>
    /// <remarks>
    /// The loader answers a soname with any loaded object of that soname, so once private copies are loaded this may
    /// name one of them: an identical file, which is all callers need (they copy it).
    /// </remarks>
    /// <exception cref="DllNotFoundException">The library is not installed, or its file cannot be found.</exception>
    public static string Resolve(string name, string export)
    {
        var handle = NativeLibrary.Load(name);
        try
        {
            var address = (ulong)NativeLibrary.GetExport(handle, export);
            foreach (var line in File.ReadLines("/proc/self/maps"))
            {
                // "start-end perms offset dev inode   path"
                var fields = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
                var range = fields[0].Split('-');
                if (fields.Length == 6
                    && ulong.Parse(range[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture) <= address
                    && address < ulong.Parse(range[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture))
                {
                    return fields[5].Trim();
                }
            }
        }
        finally
        {
            NativeLibrary.Free(handle);
        }

        throw new DllNotFoundException($"The file behind {name} was not found in /proc/self/maps.");
    }
}
