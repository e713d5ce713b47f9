using SpeechGate.Synthesis;
using SpeechGate.Voiceover;

namespace SpeechGate.Core.Tests.Voiceover;

public class ScriptReadersTests
{
    [Fact]
    public void Parse_Srt_OneLinePerCueWithTimesSpeakerAndPlainText()
    {
        const string srt = "1\n00:00:01,000 --> 00:00:02,500\n<v Alice>Hello <i>there</i>,\nfriend.\n\n2\r\n00:01:04,250 --> 00:01:06,000\r\nNo speaker &amp; tags.\r\n";

        var script = VoiceoverScriptReader.Parse(srt, "talk.srt");

        Assert.Equal(["cue-1", "cue-2"], script.Lines.Select(l => l.Id));
        Assert.Equal("Hello there, friend.", script.Lines[0].Text);
        Assert.Equal("Alice", script.Lines[0].Voice);
        Assert.Equal((1.0, 2.5), (script.Lines[0].Start, script.Lines[0].End));
        Assert.Null(script.Lines[1].Voice);
        Assert.Equal("No speaker & tags.", script.Lines[1].Text);
        Assert.Equal(64.25, script.Lines[1].Start);
    }

    [Fact]
    public void Parse_WebVtt_SkipsHeaderAndNotesAndKeepsCueIds()
    {
        const string vtt = "WEBVTT - a talk\n\nNOTE written by hand\n\nintro\n00:01.000 --> 00:02.000 align:start\n<v.loud Bob>Welcome.</v>\n\n01:00:00.000 --> 01:00:01.500\nLater.\n";

        var script = VoiceoverScriptReader.Parse(vtt, "talk.vtt");

        Assert.Equal(["intro", "cue-2"], script.Lines.Select(l => l.Id));
        Assert.Equal("Bob", script.Lines[0].Voice);
        Assert.Equal(3600, script.Lines[1].Start);
    }

    [Theory]
    [InlineData("1\n00:00:01,000 -> 00:00:02,000\nNo arrow.\n", "talk.srt:2")]
    [InlineData("1\n00:00:05,000 --> 00:00:02,000\nBackwards.\n", "talk.srt:2")]
    [InlineData("1\n00:00:01,000 --> 00:00:02,000\n<v Bob></v>\n", "no text")]
    public void Parse_BadSrt_IsAValidationErrorNamingThePlace(string content, string expected)
    {
        var error = Assert.Throws<InvalidSpeechRequestException>(() => VoiceoverScriptReader.Parse(content, "talk.srt"));

        Assert.Equal(422, error.StatusCode);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Csv_HeaderQuotesAndOptionalTimes()
    {
        const string csv = "speaker,line,start,end\nalice,\"Hi, \"\"you\"\".\",1.5,00:00:03.000\nbob,Plain line.\n,No speaker.\n";

        var script = VoiceoverScriptReader.Parse(csv, "lines.csv");

        Assert.Equal(["line-1", "line-2", "line-3"], script.Lines.Select(l => l.Id));
        Assert.Equal("Hi, \"you\".", script.Lines[0].Text);
        Assert.Equal((1.5, 3.0), (script.Lines[0].Start, script.Lines[0].End));
        Assert.Equal("bob", script.Lines[1].Voice);
        Assert.Null(script.Lines[1].Start);
        Assert.Null(script.Lines[2].Voice);
    }

    [Theory]
    [InlineData("alice\n", "row 1")]
    [InlineData("alice,Text,soon\n", "'soon' is not a time")]
    [InlineData("alice,\"never closed\n", "never closed")]
    public void Parse_BadCsv_IsAValidationError(string content, string expected)
    {
        var error = Assert.Throws<InvalidSpeechRequestException>(() => VoiceoverScriptReader.Parse(content, "lines.csv"));

        Assert.Equal(422, error.StatusCode);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToRequests_LineSettingsAndLanguageOverrideTheScriptsFieldByField()
    {
        const string yaml = "voice: v\nlanguage: en\nsettings: {stability: 0.3, speed: 1.1}\nlines:\n  - text: A\n  - text: B\n    language: de\n    settings: {speed: 0.9}\n";

        var requests = VoiceoverScriptReader.ToRequests(VoiceoverScriptReader.Parse(yaml, "s.yaml"), "fallback");

        Assert.Equal(("en", 0.3, 1.1), (requests[0].LanguageCode, requests[0].VoiceSettings!.Stability, requests[0].VoiceSettings!.Speed));
        Assert.Equal(("de", 0.3, 0.9), (requests[1].LanguageCode, requests[1].VoiceSettings!.Stability, requests[1].VoiceSettings!.Speed));
    }

    [Theory]
    [InlineData("400ms", 400)]
    [InlineData("1.5s", 1500)]
    [InlineData("250", 250)]
    public void TryParsePause_ReadsMillisecondsAndSeconds(string value, int expected)
    {
        Assert.True(CueTime.TryParsePause(value, out var milliseconds));
        Assert.Equal(expected, milliseconds);
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("-1s")]
    [InlineData("")]
    public void TryParsePause_RejectsWhatIsNotADuration(string value) => Assert.False(CueTime.TryParsePause(value, out _));
}
