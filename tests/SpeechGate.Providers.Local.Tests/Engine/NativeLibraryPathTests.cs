using SpeechGate.Providers.Local.Native;

namespace SpeechGate.Providers.Local.Tests.Engine;

public sealed class NativeLibraryPathTests
{
    [Fact]
    public void Resolve_InstalledLibrary_GivesTheRealFileBehindTheSoname()
    {
        var path = NativeLibraryPath.Resolve(EspeakNative.Library, "espeak_Initialize");

        Assert.True(Path.IsPathRooted(path), path);
        Assert.True(File.Exists(path), path);
        Assert.Contains("libespeak-ng.so", path, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_MissingLibrary_ThrowsDllNotFound()
        => Assert.Throws<DllNotFoundException>(() => NativeLibraryPath.Resolve("libspeechgate-missing.so.9", "nothing"));
}
