using SpeechGate.Models;
using SpeechGate.Proofing;
using SpeechGate.Proofing.Spelling;

namespace SpeechGate.Core.Tests.Proofing;

public sealed class TextProoferTests
{
    private static readonly ProofSettings Multilingual = ProofSettings.For(KnownModels.Default);

    [Theory]
    [InlineData("Hello  world ", "Hello world")]
    [InlineData("  Hello\u200B world\u00AD\uFEFF", "Hello world")]
    [InlineData("Hello \u200B world", "Hello world")]
    [InlineData("Price:\u202F10\u00A0euros", "Price: 10 euros")]
    [InlineData("One line.  \r\n  Next line.", "One line.\nNext line.")]
    [InlineData("Cafe\u0301 au lait", "Caf\u00e9 au lait")]
    public void Normalize_BilledNoise_IsRemoved(string text, string expected)
    {
        Assert.Equal(expected, TextProofer.Normalize(text));
    }

    [Fact]
    public void Normalize_CleanText_ReturnsTheSameInstance()
    {
        var text = "Hello world. Caf\u00e9 \u65e5\u672c\nNext line.";

        Assert.Same(text, TextProofer.Normalize(text));
    }

    [Fact]
    public void Proof_DoubledSpace_IsASafeFixPricedAtTheModelRate()
    {
        var flash = ProofSettings.For(KnownModels.Find("eleven_flash_v2_5")!);

        var finding = Assert.Single(TextProofer.Proof("Hello   world", flash));

        Assert.Equal((ProofCodes.Whitespace, 5, 3, " "), (finding.Code, finding.Offset, finding.Length, finding.Replacement));
        Assert.True(finding.IsSafeFix);
        Assert.Equal(-2, finding.CharacterDelta);
        Assert.Equal(-1.0, finding.CreditDelta);
    }

    [Fact]
    public void Proof_ZeroWidthSpace_IsInvisibleAndRemoved()
    {
        var finding = Assert.Single(TextProofer.Proof("Hel\u200Blo", Multilingual));

        Assert.Equal((ProofCodes.Invisible, 3, ""), (finding.Code, finding.Offset, finding.Replacement));
        Assert.Contains("U+200B", finding.Message, StringComparison.Ordinal);
        Assert.Equal(-1, finding.CharacterDelta);
    }

    [Fact]
    public void Proof_Money_SpelledOutWithTheCreditsItAdds()
    {
        var finding = Assert.Single(TextProofer.Proof("It costs $1,000,000 now", Multilingual));

        Assert.Equal(ProofCodes.Currency, finding.Code);
        Assert.Equal("one million dollars", finding.Suggestion);
        Assert.Equal("one million dollars".Length - "$1,000,000".Length, finding.CharacterDelta);
        Assert.Equal(finding.CharacterDelta, finding.CreditDelta);
        Assert.False(finding.IsSafeFix);
    }

    [Theory]
    [InlineData("Call Dr. Smith", ProofCodes.Abbreviation, "Doctor")]
    [InlineData("on Main St. today", ProofCodes.Abbreviation, "Saint or Street")]
    [InlineData("Paid $12.50 for it", ProofCodes.Currency, "twelve dollars and fifty cents")]
    [InlineData("Founded in 2026", ProofCodes.Number, "twenty twenty-six")]
    [InlineData("We sold 1,234 units", ProofCodes.Number, "one thousand two hundred and thirty-four")]
    [InlineData("Up 12.5% on last week", ProofCodes.Number, "twelve point five percent")]
    [InlineData("Runs 5 km daily", ProofCodes.Unit, "five kilometers")]
    [InlineData("Meet at 10:30 tomorrow", ProofCodes.Time, "ten thirty")]
    [InlineData("Due 2026-03-05 latest", ProofCodes.Date, "March fifth, twenty twenty-six")]
    [InlineData("Due 3/5/2026 latest", ProofCodes.Date, null)]
    [InlineData("Call +1 555 123 4567 today", ProofCodes.Phone, "plus one, five five five, one two three, four five six seven")]
    [InlineData("Write to jane.doe@example.com please", ProofCodes.Email, "jane dot doe at example dot com")]
    [InlineData("See https://example.com/pricing now", ProofCodes.Url, "example dot com slash pricing")]
    [InlineData("The 21st time", ProofCodes.Number, "twenty-first")]
    [InlineData("Our REST interface", ProofCodes.Acronym, "add it to the lexicon (alias) or word list")]
    public void Proof_ThingsVoicesMisread_AreFlaggedWithTheSpokenForm(string text, string code, string? suggestion)
    {
        var finding = Assert.Single(TextProofer.Proof(text, Multilingual));

        Assert.Equal(code, finding.Code);
        Assert.Equal(suggestion, finding.Suggestion);
    }

    [Fact]
    public void Proof_LineOverTheModelLimit_IsAnErrorAtTheFirstCharacterOver()
    {
        var settings = new ProofSettings { CharacterLimit = 10, ModelId = "tiny", SpokenForms = false };

        var finding = Assert.Single(TextProofer.Proof("0123456789abc", settings));

        Assert.Equal((ProofCodes.Limit, ProofSeverity.Error, 10), (finding.Code, finding.Severity, finding.Offset));
        Assert.Contains("3 over tiny's limit of 10", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<emphasis>Hello", "<emphasis> is never closed")]
    [InlineData("Hello</prosody>", "</prosody> closes a tag that is not open")]
    public void Proof_UnbalancedTag_IsAnError(string text, string message)
    {
        var finding = Assert.Single(TextProofer.Proof(text, Multilingual), f => f.Code == ProofCodes.Tag);

        Assert.Equal(ProofSeverity.Error, finding.Severity);
        Assert.Equal(message, finding.Message);
    }

    [Fact]
    public void Proof_BreakOverThreeSeconds_IsAnErrorClampedByTheFix()
    {
        var findings = TextProofer.Proof("Wait <break time=\"4500ms\" /> now <break time=\"1.5s\"/> ok", Multilingual);

        var finding = Assert.Single(findings);
        Assert.Equal((ProofCodes.Break, ProofSeverity.Error), (finding.Code, finding.Severity));
        Assert.Equal("<break time=\"3.0s\" />", finding.Replacement);
    }

    [Fact]
    public void Proof_OnlyInvisibleCharacters_IsEmpty()
    {
        Assert.Contains(TextProofer.Proof("\u200B", Multilingual), f => f.Code == ProofCodes.Empty && f.Severity == ProofSeverity.Error);
    }

    [Fact]
    public void Proof_LanguageTheModelDoesNotSpeak_IsAnError()
    {
        var settings = ProofSettings.For(KnownModels.Find("eleven_flash_v2")!);

        var finding = Assert.Single(TextProofer.Proof("Guten Tag", new ProofSettings
        {
            ModelId = settings.ModelId,
            ModelLanguages = settings.ModelLanguages,
            Language = "de-DE",
            SpokenForms = false,
        }));

        Assert.Equal((ProofCodes.Language, ProofSeverity.Error), (finding.Code, finding.Severity));
    }

    [Fact]
    public void Proof_Spelling_UsesHunspellAndAcceptsProjectWords()
    {
        using var spelling = SpellChecker.ForLanguage("en-US")!;
        var settings = new ProofSettings { Spelling = spelling, SpokenForms = false, Words = new HashSet<string> { "Zorblax" } };

        var findings = TextProofer.Proof("The narator greets Zorblax and Quuxly.", settings);

        Assert.Equal(["narator", "Quuxly"], findings.Select(f => f.Message.Split('\'')[1]));
        Assert.Contains("narrator", findings[0].Suggestion, StringComparison.Ordinal);
        Assert.Equal(ProofCodes.Spelling, findings[0].Code);
        Assert.Equal(4, findings[0].Offset);
    }

    [Fact]
    public void Proof_IgnoredCodes_AreLeftOut()
    {
        var settings = new ProofSettings { Ignore = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "sg-ws", "SG-NUMBER" } };

        Assert.Empty(TextProofer.Proof("Sold  1,234", settings));
    }

    [Fact]
    public void Apply_SkipsOverlappingEdits()
    {
        var findings = TextProofer.Proof("a  b\u200B c", Multilingual);

        Assert.Equal("a b c", TextProofer.Apply("a  b\u200B c", findings.Where(f => f.IsSafeFix)));
    }
}
