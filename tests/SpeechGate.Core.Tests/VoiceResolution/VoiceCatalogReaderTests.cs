using SpeechGate.VoiceResolution;

namespace SpeechGate.Core.Tests.VoiceResolution;

public class VoiceCatalogReaderTests
{
    [Fact]
    public void Parse_FullAlias_ReadsEveryField()
    {
        const string Yaml = """
            voices:
              narrator:
                voice_id: AAAAAAAAAAAAAAAAAAAA
                provider: elevenlabs
                model: eleven_flash_v2_5
                settings: { stability: 0.3, use_speaker_boost: false, speed: 1.1 }
                fallbacks: [backup, local:en-us]
                dev: local-en
              backup: BBBBBBBBBBBBBBBBBBBB
            dev:
              default: local-default
              voices:
                CCCCCCCCCCCCCCCCCCCC: local-c
            """;

        var catalog = VoiceCatalogReader.Parse("voices.yaml", Yaml);

        var narrator = catalog.Find("narrator")!;
        Assert.Equal("AAAAAAAAAAAAAAAAAAAA", narrator.VoiceId);
        Assert.Equal("eleven_flash_v2_5", narrator.ModelId);
        Assert.Equal(0.3, narrator.Settings!.Stability);
        Assert.False(narrator.Settings.UseSpeakerBoost);
        Assert.Equal(["backup", "local:en-us"], narrator.Fallbacks);
        Assert.Equal("local-en", narrator.DevVoiceId);
        Assert.Equal(2, narrator.Line);
        Assert.Equal("BBBBBBBBBBBBBBBBBBBB", catalog.Find("backup")!.VoiceId);
        Assert.Equal("local-default", catalog.DevDefaultVoiceId);
        Assert.Equal("local-c", catalog.DevVoices["CCCCCCCCCCCCCCCCCCCC"]);
    }

    [Theory]
    [InlineData("voices:\n  narrator:\n    voice_id: AAAAAAAAAAAAAAAAAAAA\n    colour: blue\n", 4, "unknown key 'colour'")]
    [InlineData("voices:\n  narrator:\n    voice_id: AAAAAAAAAAAAAAAAAAAA\n    fallbacks: [nosuch]\n", 4, "'nosuch' is not a known alias")]
    [InlineData("voices:\n  a:\n    voice_id: AAAAAAAAAAAAAAAAAAAA\n    fallbacks: [b]\n  b:\n    voice_id: BBBBBBBBBBBBBBBBBBBB\n    fallbacks: [a]\n", 5, "fallback cycle: a -> b -> a")]
    [InlineData("voices:\n  narrator:\n    voice_id: [unclosed\n", 4, "malformed YAML")]
    [InlineData("voices:\n  narrator:\n    model: eleven_v3\n", 2, "has no voice_id")]
    [InlineData("voices:\n  narrator:\n    voice_id: AAAAAAAAAAAAAAAAAAAA\n    settings: { stability: high }\n", 4, "stability must be a number")]
    [InlineData("aliases: {}\n", 1, "unknown key 'aliases'")]
    public void Parse_BadFile_NamesFileAndLine(string yaml, int line, string problem)
    {
        var error = Assert.Throws<VoiceConfigurationException>(() => VoiceCatalogReader.Parse("/app/voices.yaml", yaml));

        Assert.Equal(line, error.Line);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"/app/voices.yaml:{line}: ", error.Message, StringComparison.Ordinal);
        Assert.Equal(400, error.StatusCode);
    }

    [Fact]
    public void Parse_EmptyFile_HasNoAliases()
    {
        var catalog = VoiceCatalogReader.Parse("voices.yaml", "");

        Assert.Empty(catalog.Aliases);
    }
}
