using SpeechGate.Synthesis;
using SpeechGate.Voiceover;

namespace SpeechGate.Core.Tests.Voiceover;

public sealed class SubtitleReaderTests
{
    [Fact]
    public void Parse_Srt_ReadsCountersTimesAndMultiLinePayloads()
    {
        var srt = "1\r\n00:00:01,000 --> 00:00:03,500\r\nHello <i>there</i>,\r\nfriend.\r\n\r\n2\r\n00:00:04,250 --> 00:00:06,000\r\nSecond &amp; last.\r\n";

        var cues = SubtitleReader.Parse(srt, "talk.srt");

        Assert.Equal(2, cues.Count);
        Assert.Equal("1", cues[0].Id);
        Assert.Equal(TimeSpan.FromMilliseconds(1000), cues[0].Start);
        Assert.Equal(TimeSpan.FromMilliseconds(3500), cues[0].End);
        Assert.Equal("Hello <i>there</i>,\nfriend.", cues[0].Text);
        Assert.Equal("Hello there, friend.", cues[0].SpokenText);
        Assert.Equal(3, cues[0].Line);
        Assert.Equal("Second & last.", cues[1].SpokenText);
        Assert.Equal(TimeSpan.FromMilliseconds(4250), cues[1].Start);
    }

    [Fact]
    public void Parse_WebVtt_SkipsHeaderNotesAndSettings_ReadsSpeaker()
    {
        var vtt = """
            WEBVTT - demo

            NOTE written by hand

            intro
            00:01.000 --> 00:02.500 align:start position:10%
            <v Roger>Welcome <c.loud>back</c>.</v>

            01:00:00.000 --> 01:00:01.000
            <00:00:00.500>Late cue.
            """;

        var cues = SubtitleReader.Parse(vtt, "captions.VTT");

        Assert.Equal(2, cues.Count);
        Assert.Equal("intro", cues[0].Id);
        Assert.Equal(TimeSpan.FromSeconds(1), cues[0].Start);
        Assert.Equal("Welcome back.", cues[0].SpokenText);
        Assert.Equal("Roger", cues[0].Speaker);
        Assert.Null(cues[1].Id);
        Assert.Equal(TimeSpan.FromHours(1), cues[1].Start);
        Assert.Equal("Late cue.", cues[1].SpokenText);
    }

    [Fact]
    public void Parse_VttWithoutHeader_IsA422NamingTheFile()
    {
        var error = Assert.Throws<InvalidSpeechRequestException>(() => SubtitleReader.Parse("00:01.000 --> 00:02.000\nHi\n", "x.vtt"));

        Assert.Equal(422, error.StatusCode);
        Assert.StartsWith("x.vtt:1:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BadTiming_NamesTheLine()
    {
        var error = Assert.Throws<InvalidSpeechRequestException>(() => SubtitleReader.Parse("1\n00:00:01 -> 00:00:02\nHi\n", "x.srt"));

        Assert.Contains("x.srt:2:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void VoiceoverScriptReader_Srt_OneLinePerCueWithTimes()
    {
        var script = VoiceoverScriptReader.Parse("1\n00:00:01,000 --> 00:00:02,000\nFirst.\n\n7\n00:00:03,000 --> 00:00:04,000\nSecond.\n", "a.srt");

        Assert.Equal(["cue-1", "cue-7"], script.Lines.Select(line => line.Id));
        Assert.Equal(["First.", "Second."], script.Lines.Select(line => line.Text));
        Assert.Equal(3.0, script.Lines[1].Start);
    }
}
