using SpeechGate.Providers.Local.Engine;
using SpeechGate.Synthesis;

namespace SpeechGate.Providers.Local.Tests.Engine;

public sealed class LocalEngineUnavailableTests
{
    [Fact]
    public void Guard_MissingNativeLibrary_Throws503NamingTheAptPackage()
    {
        var error = Assert.Throws<SpeechException>(
            () => LocalEngineUnavailable.Guard<int>(() => throw new DllNotFoundException("libmp3lame.so.0"), "libmp3lame", "libmp3lame0"));

        Assert.Equal(503, error.StatusCode);
        Assert.Equal("local_engine_unavailable", error.Status);
        Assert.Contains("apt package libmp3lame0", error.Message, StringComparison.Ordinal);
        Assert.IsType<DllNotFoundException>(error.InnerException);
    }
}
