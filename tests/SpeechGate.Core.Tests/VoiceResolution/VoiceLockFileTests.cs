using SpeechGate.Synthesis;
using SpeechGate.VoiceResolution;

namespace SpeechGate.Core.Tests.VoiceResolution;

public sealed class VoiceLockFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("speechgate-lock-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task WriteAsync_ThenRead_RoundTripsEveryField()
    {
        var path = Path.Combine(_directory, "voices.lock");
        var pin = new VoicePin("NEWSTABLEID000000000", "LIBRARYID00000000000", "professional")
        {
            Provider = "elevenlabs",
            Name = "Narrator: \"deep\"",
            Owner = "owner-1",
            Settings = new VoiceSettings { Stability = 0.35, UseSpeakerBoost = true },
            CheckedAt = new DateTimeOffset(2026, 11, 21, 23, 0, 5, TimeSpan.Zero),
        };

        await VoiceLockFile.WriteAsync(path, VoiceLock.Empty.With("narrator", pin));
        var read = VoiceLockFile.Read(path).Find("narrator")!;

        Assert.Equal(pin with { Line = read.Line }, read);
        var text = await File.ReadAllTextAsync(path);
        Assert.StartsWith("# voices.lock", text, StringComparison.Ordinal);
        Assert.DoesNotContain("...", text, StringComparison.Ordinal);
        Assert.Equal(["voices.lock"], Directory.GetFiles(_directory).Select(Path.GetFileName));
    }

    [Fact]
    public void Read_MissingFile_IsEmpty()
    {
        Assert.Empty(VoiceLockFile.Read(Path.Combine(_directory, "none.lock")).Pins);
    }

    [Theory]
    [InlineData("version: 1\nvoices:\n  narrator:\n    voice_id: X\n    extra: 1\n", 5, "unknown key 'extra'")]
    [InlineData("version: 2\n", 1, "unsupported lockfile version")]
    [InlineData("version: 1\nvoices:\n  narrator:\n    category: premade\n", 3, "has no voice_id")]
    [InlineData("version: 1\nvoices:\n  narrator:\n    voice_id: X\n    checked_at: yesterday\n", 5, "checked_at")]
    [InlineData("version: 1\nvoices:\n  narrator: {voice_id: X\n", 4, "malformed YAML")]
    public void Parse_BadLockfile_NamesLine(string text, int line, string problem)
    {
        var error = Assert.Throws<VoiceConfigurationException>(() => VoiceLockFile.Parse("voices.lock", text));

        Assert.Equal(line, error.Line);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("voices.lock:", error.Message, StringComparison.Ordinal);
    }
}
