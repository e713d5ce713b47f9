using SpeechGate.Providers.Local.Voices;

namespace SpeechGate.Providers.Local.Tests.Voices;

public sealed class VoiceIdsTests
{
    [Fact]
    public void FromIdentifier_EnglishAmerica_IsTheKnownStableId()
    {
        var id = VoiceIds.FromIdentifier("gmw/en-US");

        Assert.Equal("VFi9svz5baIlnahpKgs7", id);
        Assert.Equal(LocalVoices.DefaultVoiceId, id);
    }

    [Fact]
    public void FromIdentifier_AnyVoice_Is20AlphanumericCharacters()
    {
        var id = VoiceIds.FromIdentifier("roa/fr");

        Assert.Equal(20, id.Length);
        Assert.All(id, c => Assert.True(char.IsAsciiLetterOrDigit(c)));
        Assert.NotEqual(LocalVoices.DefaultVoiceId, id);
    }
}
