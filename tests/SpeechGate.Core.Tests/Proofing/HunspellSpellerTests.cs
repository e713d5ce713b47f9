using SpeechGate.Proofing.Spelling;

namespace SpeechGate.Core.Tests.Proofing;

public sealed class HunspellSpellerTests : IDisposable
{
    private readonly HunspellSpeller _speller = HunspellSpeller.Open("/usr/share/hunspell/en_US.aff", "/usr/share/hunspell/en_US.dic");

    public void Dispose() => _speller.Dispose();

    [Fact]
    public void Spell_RealDictionary_KnowsWordsAndRejectsTypos()
    {
        Assert.True(_speller.Spell("narrator"));
        Assert.True(_speller.Spell("Wednesday"));
        Assert.False(_speller.Spell("recieve"));
        Assert.Equal("en_US", _speller.Language);
    }

    [Fact]
    public void Suggest_Typo_OffersTheWord()
    {
        Assert.Contains("receive", _speller.Suggest("recieve"));
    }

    [Fact]
    public void Add_ProjectWord_IsAcceptedByThisInstanceOnly()
    {
        using var other = HunspellSpeller.Open("/usr/share/hunspell/en_US.aff", "/usr/share/hunspell/en_US.dic");

        _speller.Add("SpeechGate");

        Assert.True(_speller.Spell("SpeechGate"));
        Assert.False(other.Spell("SpeechGate"));
    }

    [Fact]
    public void Open_MissingFile_SaysWhich()
    {
        var error = Assert.Throws<FileNotFoundException>(() => HunspellSpeller.Open("/nope/xx.aff", "/nope/xx.dic"));

        Assert.Contains("/nope/xx.aff", error.Message, StringComparison.Ordinal);
    }
}
