using SpeechGate.Providers.Local.Text;

namespace SpeechGate.Providers.Local.Tests.Text;

public sealed class SentenceSplitterTests
{
    [Fact]
    public void Split_ThreeSentences_KeepsTrailingSpaceWithEach()
    {
        var sentences = SentenceSplitter.Split("One. Two! \"Three?\" ");

        Assert.Equal(["One. ", "Two! ", "\"Three?\" "], sentences);
    }

    [Fact]
    public void Split_DecimalAndLineBreak_SplitsOnlyAtBoundaries()
    {
        var sentences = SentenceSplitter.Split("Pi is 3.14 today\nNext line");

        Assert.Equal(["Pi is 3.14 today\n", "Next line"], sentences);
    }

    [Fact]
    public void Split_LongRunOn_CutsAtWhitespaceAfterTheLimit()
    {
        var text = string.Join(' ', Enumerable.Repeat("word", 200));

        var sentences = SentenceSplitter.Split(text);

        Assert.True(sentences.Count > 1);
        Assert.All(sentences, sentence => Assert.True(sentence.Length <= SentenceSplitter.MaxLength + 6));
        Assert.Equal(text, string.Concat(sentences));
    }
}
