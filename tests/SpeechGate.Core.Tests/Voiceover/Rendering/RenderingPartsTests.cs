using SpeechGate.Caching;
using SpeechGate.Synthesis;
using SpeechGate.Voiceover;
using SpeechGate.Voiceover.Rendering;

namespace SpeechGate.Core.Tests.Voiceover.Rendering;

public class RenderingPartsTests
{
    [Fact]
    public void Split_ShortLine_IsOnePiece() => Assert.Equal(["Short line."], LineSplitter.Split("Short line.", 100));

    [Fact]
    public void Split_LongLine_BreaksAtSentenceEndsUnderTheLimit()
    {
        var text = string.Join(' ', Enumerable.Range(1, 40).Select(i => $"Sentence number {i} ends here."));

        var pieces = LineSplitter.Split(text, 120);

        Assert.True(pieces.Count > 1);
        Assert.All(pieces, piece => Assert.InRange(piece.Length, 1, 120));
        Assert.All(pieces, piece => Assert.EndsWith("ends here.", piece, StringComparison.Ordinal));
        Assert.Equal(text, string.Join(' ', pieces));
    }

    [Fact]
    public void Split_SentenceLongerThanTheLimit_BreaksAtASpace()
    {
        var text = string.Join(' ', Enumerable.Repeat("word", 50)) + ".";

        var pieces = LineSplitter.Split(text, 40);

        Assert.All(pieces, piece => Assert.InRange(piece.Length, 1, 40));
        Assert.Equal(text, string.Join(' ', pieces));
    }

    [Fact]
    public void Limiter_LoudSine_NeverExceedsTheCeilingAndQuietAudioPassesUnchanged()
    {
        var limiter = new PeakLimiter(44100, -3);
        var loud = Enumerable.Range(0, 44100).Select(i => (float)(1.5 * Math.Sin(i * 0.05))).ToArray();
        var quiet = Enumerable.Range(0, 4410).Select(i => (float)(0.1 * Math.Sin(i * 0.05))).ToArray();

        limiter.Process(loud);
        var ceiling = (float)Math.Pow(10, -3 / 20.0);

        Assert.All(loud, sample => Assert.True(Math.Abs(sample) <= ceiling + 1e-6f, $"{sample} over {ceiling}"));
        var fresh = new PeakLimiter(44100, -3);
        var copy = quiet.ToArray();
        fresh.Process(copy);
        var delay = 44100 / 200;
        Assert.Equal(quiet[..(quiet.Length - delay)], copy[delay..]);
    }

    [Fact]
    public void CacheKey_RequestIdsAsHints_KeysOnlyOnTheText()
    {
        var plain = new SpeechRequest("Line two.", "voice") { Provider = "elevenlabs", PreviousText = "Line one." };
        var hinted = plain with { PreviousRequestIds = ["req_1"], NextRequestIds = ["req_3"], RequestIdsAreHints = true };
        var chained = plain with { PreviousRequestIds = ["req_1"] };

        Assert.Equal(SpeechCacheKey.From(plain), SpeechCacheKey.From(hinted));
        Assert.NotEqual(SpeechCacheKey.From(plain), SpeechCacheKey.From(chained));
        Assert.NotEqual(SpeechCacheKey.From(plain), SpeechCacheKey.From(plain with { PreviousText = "Line one, edited." }));
    }

    [Fact]
    public void Captions_FromAlignment_OneCuePerSentenceOffsetIntoTheTrack()
    {
        var text = "Hi there. Bye!";
        var characters = text.Select(c => c.ToString()).ToList();
        var alignment = new CharacterAlignment(characters, [.. characters.Select((_, i) => i * 0.1)], [.. characters.Select((_, i) => (i + 1) * 0.1)]);
        var line = new RenderLine(0, new VoiceoverLine { Id = "a", Text = text }, "v", [new RenderSegment(new SpeechRequest(text, "v"))])
        {
            OffsetSamples = 44100,
            OffsetMs = 1000,
            DurationMs = 2000,
        };
        line.Parts.Add(new RenderPart("a.mp3", alignment) { Samples = 88200 });

        var cues = CaptionWriter.Build([line], 44100);

        Assert.Equal([("Hi there.", 1000L, 1900L), ("Bye!", 2000L, 2400L)], cues.Select(c => (c.Text, c.StartMs, c.EndMs)));
        Assert.Equal("1\n00:00:01,000 --> 00:00:01,900\nHi there.\n\n2\n00:00:02,000 --> 00:00:02,400\nBye!\n\n", CaptionWriter.Srt(cues));
        Assert.StartsWith("WEBVTT\n\na\n00:00:01.000 --> 00:00:01.900\n", CaptionWriter.Vtt(cues), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("podcast", -16)]
    [InlineData("youtube", -14)]
    [InlineData("broadcast", -23)]
    [InlineData("-18.5", -18.5)]
    [InlineData(null, -16)]
    public void Loudness_PresetsAndNumbers(string? value, double lufs) => Assert.Equal(lufs, LoudnessTarget.Parse(value).IntegratedLufs);

    [Theory]
    [InlineData("loud")]
    [InlineData("-3")]
    [InlineData("-60")]
    public void Loudness_OutOfRange_IsAValidationError(string value)
        => Assert.Equal(422, Assert.Throws<InvalidSpeechRequestException>(() => LoudnessTarget.Parse(value)).StatusCode);
}
