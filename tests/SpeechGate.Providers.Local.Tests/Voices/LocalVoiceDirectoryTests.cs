using SpeechGate.Providers.Local.Tests.Support;
using SpeechGate.Providers.Local.Voices;

namespace SpeechGate.Providers.Local.Tests.Voices;

public sealed class LocalVoiceDirectoryTests
{
    [Fact]
    public async Task ListVoicesAsync_ListsEveryEngineVoiceWithStableUniqueIds()
    {
        var directory = new LocalVoiceDirectory(LocalProvider.Catalog);

        var voices = await directory.ListVoicesAsync();

        Assert.True(voices.Count > 50);
        Assert.Equal(voices.Count, voices.Select(voice => voice.VoiceId).Distinct(StringComparer.Ordinal).Count());
        Assert.All(voices, voice =>
        {
            Assert.Equal(20, voice.VoiceId.Length);
            Assert.Equal("premade", voice.Category);
            Assert.Equal("local", voice.Provider);
            Assert.False(string.IsNullOrEmpty(voice.Labels["language"]));
        });
    }

    [Fact]
    public async Task GetVoiceAsync_DefaultId_IsAmericanEnglish()
    {
        var directory = new LocalVoiceDirectory(LocalProvider.Catalog);

        var voice = await directory.GetVoiceAsync(LocalVoices.DefaultVoiceId);

        Assert.NotNull(voice);
        Assert.Equal("English (America)", voice.Name);
        Assert.Equal("en-us", voice.Labels["language"]);
        Assert.Equal("america", voice.Labels["accent"]);
        Assert.Equal("male", voice.Labels["gender"]);
    }

    [Fact]
    public async Task GetVoiceAsync_UnknownId_ReturnsNull()
    {
        var directory = new LocalVoiceDirectory(LocalProvider.Catalog);

        Assert.Null(await directory.GetVoiceAsync("AAAAAAAAAAAAAAAAAAAA"));
    }

    [Theory]
    [InlineData("en-us")]
    [InlineData("EN-US")]
    [InlineData("gmw/en-US")]
    public async Task GetVoiceAsync_EngineNameOrLanguage_FindsTheVoiceWithItsStableId(string name)
    {
        var directory = new LocalVoiceDirectory(LocalProvider.Catalog);

        var voice = await directory.GetVoiceAsync(name);

        Assert.NotNull(voice);
        Assert.Equal(LocalVoices.DefaultVoiceId, voice.VoiceId);
    }
}
