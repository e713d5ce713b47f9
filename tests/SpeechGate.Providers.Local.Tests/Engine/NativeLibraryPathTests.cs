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
        // The loader matches an already-loaded object by soname, so while another test holds a private engine copy
        // (same soname) the answer may be that copy: either way, a file holding libespeak-ng.
        Assert.Contains("libespeak-ng", Path.GetFileName(path), StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_MissingLibrary_ThrowsDllNotFound()
        => Assert.Throws<DllNotFoundException>(() => NativeLibraryPath.Resolve("libspeechgate-missing.so.9", "nothing"));
}
