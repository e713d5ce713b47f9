namespace SpeechGate.Proofing;

/// <summary>The stable codes of proofing findings; projects allow or silence them by code.</summary>
public static class ProofCodes
{
    /// <summary>Billed whitespace: runs, leading or trailing blanks, odd spaces.</summary>
    public const string Whitespace = "SG-WS";

    /// <summary>Zero-width and other invisible format characters (U+200B, U+00AD, BOM…).</summary>
    public const string Invisible = "SG-INVISIBLE";

    /// <summary>Text not in Unicode NFC.</summary>
    public const string Nfc = "SG-NFC";

    /// <summary>Smart quotes and dashes (policy: straight quotes, plain hyphen dashes).</summary>
    public const string Quotes = "SG-QUOTES";

    /// <summary>A word hunspell does not know.</summary>
    public const string Spelling = "SG-SPELL";

    /// <summary>A number a voice may read as digits.</summary>
    public const string Number = "SG-NUMBER";

    /// <summary>An amount of money.</summary>
    public const string Currency = "SG-CURRENCY";

    /// <summary>A date.</summary>
    public const string Date = "SG-DATE";

    /// <summary>A time of day.</summary>
    public const string Time = "SG-TIME";

    /// <summary>A quantity with a unit symbol.</summary>
    public const string Unit = "SG-UNIT";

    /// <summary>A phone number.</summary>
    public const string Phone = "SG-PHONE";

    /// <summary>A web address.</summary>
    public const string Url = "SG-URL";

    /// <summary>An e-mail address.</summary>
    public const string Email = "SG-EMAIL";

    /// <summary>An all-caps word: spelled out or read as a word?</summary>
    public const string Acronym = "SG-ACRONYM";

    /// <summary>An abbreviation such as "Dr." or "St.".</summary>
    public const string Abbreviation = "SG-ABBREV";

    /// <summary>Unbalanced or unknown SSML-like markup.</summary>
    public const string Tag = "SG-TAG";

    /// <summary>A <c>&lt;break&gt;</c> longer than 3 seconds.</summary>
    public const string Break = "SG-BREAK";

    /// <summary>A line over the model's per-request character limit.</summary>
    public const string Limit = "SG-LIMIT";

    /// <summary>A line with nothing to say.</summary>
    public const string Empty = "SG-EMPTY";

    /// <summary>A language the model or voice does not speak, or no dictionary for it.</summary>
    public const string Language = "SG-LANG";
}
