using SpeechGate.Proofing.Text;

namespace SpeechGate.Core.Tests.Proofing;

public sealed class UnicodeNormalizerTests
{
    [Fact]
    public void ToNfc_DecomposedAccent_ComposesThroughIcu()
    {
        Assert.True(UnicodeNormalizer.IsAvailable);
        Assert.False(UnicodeNormalizer.IsNfc("Cafe\u0301"));

        Assert.Equal("Caf\u00e9", UnicodeNormalizer.ToNfc("Cafe\u0301"));
    }

    [Fact]
    public void ToNfc_AlreadyNormal_ReturnsTheSameInstance()
    {
        var text = "Plain ASCII and caf\u00e9 and \u65e5\u672c";

        Assert.Same(text, UnicodeNormalizer.ToNfc(text));
    }
}
