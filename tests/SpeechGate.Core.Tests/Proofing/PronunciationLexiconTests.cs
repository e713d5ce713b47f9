using SpeechGate.Proofing.Lexicons;
using SpeechGate.Synthesis;

namespace SpeechGate.Core.Tests.Proofing;

public sealed class PronunciationLexiconTests
{
    public const string Pls = """
        <?xml version="1.0" encoding="UTF-8"?>
        <lexicon version="1.0" xmlns="http://www.w3.org/2005/01/pronunciation-lexicon" alphabet="ipa" xml:lang="en-US">
          <lexeme>
            <grapheme>SpeechGate</grapheme>
            <alias>Speech Gate</alias>
          </lexeme>
          <lexeme>
            <grapheme>SQL</grapheme>
            <grapheme>MySQL</grapheme>
            <alias>sequel</alias>
          </lexeme>
          <lexeme>
            <grapheme>tomato</grapheme>
            <phoneme>təˈmɑːtoʊ</phoneme>
          </lexeme>
        </lexicon>
        """;

    [Fact]
    public void Parse_W3cPls_ReadsGraphemesAliasesAndPhonemes()
    {
        var lexicon = PronunciationLexicon.Parse(Pls, "project.pls");

        Assert.Equal(3, lexicon.Lexemes.Count);
        Assert.Equal(["SQL", "MySQL"], lexicon.Lexemes[1].Graphemes);
        Assert.Equal("sequel", lexicon.Lexemes[1].Alias);
        Assert.Equal("təˈmɑːtoʊ", lexicon.Lexemes[2].Phoneme);
        Assert.Equal(("ipa", "en-US"), (lexicon.Alphabet, lexicon.Language));
        Assert.Equal(16, lexicon.Version.Length);
    }

    [Fact]
    public void ApplyAliases_WholeWordsCaseSensitive()
    {
        var lexicon = PronunciationLexicon.Parse(Pls, "project.pls");

        Assert.Equal("Speech Gate speaks sequel, not SQLite or sql.", lexicon.ApplyAliases("SpeechGate speaks SQL, not SQLite or sql."));
    }

    [Fact]
    public void MatchesIn_OnlyTheLexemesInTheText_AndTheirVersionChangesWithThem()
    {
        var lexicon = PronunciationLexicon.Parse(Pls, "project.pls");
        var edited = PronunciationLexicon.Parse(Pls.Replace("sequel", "ess cue ell", StringComparison.Ordinal), "project.pls");

        var speechGate = lexicon.MatchesIn("Try SpeechGate.");

        Assert.Same(lexicon.Lexemes[0], Assert.Single(speechGate));
        Assert.Empty(lexicon.MatchesIn("Nothing here."));
        Assert.Equal(PronunciationLexicon.VersionOf(speechGate), PronunciationLexicon.VersionOf(edited.MatchesIn("Try SpeechGate.")));
        Assert.NotEqual(PronunciationLexicon.VersionOf(lexicon.MatchesIn("Use SQL")), PronunciationLexicon.VersionOf(edited.MatchesIn("Use SQL")));
        Assert.NotEqual(lexicon.Version, edited.Version);
    }

    [Theory]
    [InlineData("<lexicon><lexeme><alias>x</alias></lexeme></lexicon>", "needs at least one <grapheme>")]
    [InlineData("<lexicon><lexeme><grapheme>x</grapheme></lexeme></lexicon>", "needs an <alias> or a <phoneme>")]
    [InlineData("<lexicon><lexeme>", "project.pls:1:")]
    [InlineData("<words/>", "root element is <lexicon>")]
    public void Parse_NotALexicon_Is422NamingTheProblem(string content, string message)
    {
        var error = Assert.Throws<InvalidSpeechRequestException>(() => PronunciationLexicon.Parse(content, "project.pls"));

        Assert.Equal(422, error.StatusCode);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
