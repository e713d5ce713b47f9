using SpeechGate.Providers.Local.Alignment;
using SpeechGate.Providers.Local.Engine;
using SpeechGate.Providers.Local.Tests.Support;

namespace SpeechGate.Providers.Local.Tests.Alignment;

public sealed class CharacterTimelineTests
{
    private const string Text = "Hello brave new world. Café culture, naïve résumé! In 1999 it cost 42 euros 🙂 The end.";

    [Fact]
    public async Task SynthesizeAsync_WithTimestamps_AlignsEveryCharacterOverTheWholeClip()
    {
        var synthesizer = LocalProvider.CreateSynthesizer();

        await using var audio = await synthesizer.SynthesizeAsync(LocalProvider.Request(Text) with { WithTimestamps = true });
        var clip = await audio.ReadToEndAsync();

        var alignment = Assert.IsType<Synthesis.CharacterAlignment>(clip.Alignment);
        Assert.Equal(Text, string.Concat(alignment.Characters));
        Assert.Equal(alignment.Characters.Count, alignment.CharacterStartTimesSeconds.Count);
        Assert.Equal(alignment.Characters.Count, alignment.CharacterEndTimesSeconds.Count);
        for (var i = 1; i < alignment.Characters.Count; i++)
        {
            Assert.True(alignment.CharacterStartTimesSeconds[i] >= alignment.CharacterStartTimesSeconds[i - 1]);
            Assert.True(alignment.CharacterEndTimesSeconds[i] >= alignment.CharacterStartTimesSeconds[i]);
        }

        var duration = clip.Audio.Length / 2 / 22050.0;
        Assert.Equal(duration, alignment.CharacterEndTimesSeconds[^1], 0.02);
    }

    [Fact]
    public async Task SynthesizeAsync_WithTimestamps_SecondSentenceStartsAfterTheFirstsAudio()
    {
        var synthesizer = LocalProvider.CreateSynthesizer();

        await using var audio = await synthesizer.SynthesizeAsync(LocalProvider.Request("One. Two.") with { WithTimestamps = true });
        var chunks = new List<Synthesis.AudioChunk>();
        await foreach (var chunk in audio.Chunks)
        {
            chunks.Add(chunk);
        }

        // Each sentence's alignment rides on the first chunk of that sentence's audio.
        var second = chunks.FindIndex(chunk => chunk.Alignment is { } a && a.Characters[0] == "T");
        var bytesBefore = chunks.Take(second).Sum(chunk => chunk.Audio.Length);
        Assert.Equal("One. ", string.Concat(chunks[0].Alignment!.Characters));
        Assert.Equal(bytesBefore / 2 / 22050.0, chunks[second].Alignment!.CharacterStartTimesSeconds[0], 0.001);
    }

    [Fact]
    public void Build_WordEvents_UsesThemNotAUniformSpread()
    {
        // "ab cd": word 1 at 0 ms, word 2 at 500 ms of a 1 s clip; the first word is voiced for 200 ms only.
        var samples = new short[22050];
        samples.AsSpan(0, 4410).Fill(8000);
        samples.AsSpan(11025, 4410).Fill(8000);
        var audio = new SentenceAudio(samples, 22050, [new WordMark(1, 2, 0), new WordMark(4, 2, 500)]);

        var alignment = CharacterTimeline.Build("ab cd", audio, offsetSeconds: 10);

        Assert.Equal([10.0, 10.1, 10.2, 10.5, 10.6], alignment.CharacterStartTimesSeconds.Select(t => Math.Round(t, 3)));
        Assert.Equal([10.1, 10.2, 10.5, 10.6, 10.7], alignment.CharacterEndTimesSeconds.Select(t => Math.Round(t, 3)));
    }
}
