using System.Security.Cryptography;
using System.Xml;
using System.Xml.Linq;
using SpeechGate.Synthesis;

namespace SpeechGate.Proofing.Lexicons;

/// <summary>A W3C Pronunciation Lexicon (PLS 1.0) file: <c>&lt;lexicon&gt;&lt;lexeme&gt;&lt;grapheme&gt;…&lt;alias&gt;|&lt;phoneme&gt;</c>.</summary>
public sealed class PronunciationLexicon
{
    private static readonly XNamespace Pls = "http://www.w3.org/2005/01/pronunciation-lexicon";

    private PronunciationLexicon(string content, IReadOnlyList<Lexeme> lexemes, string alphabet, string? language)
    {
        Content = content;
        Lexemes = lexemes;
        Alphabet = alphabet;
        Language = language;
        Version = Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(content)))[..16];
    }

    /// <summary>The file's text, as uploaded to ElevenLabs.</summary>
    public string Content { get; }

    /// <summary>The entries, in file order.</summary>
    public IReadOnlyList<Lexeme> Lexemes { get; }

    /// <summary>The phoneme alphabet (<c>ipa</c>, <c>x-cmu</c>…).</summary>
    public string Alphabet { get; }

    /// <summary>The lexicon's <c>xml:lang</c>.</summary>
    public string? Language { get; }

    /// <summary>A short hash of the whole file: changes with any edit.</summary>
    public string Version { get; }

    /// <summary>Reads <paramref name="path"/>.</summary>
    /// <exception cref="SpeechException">422: not a PLS lexicon (the message names the file and line).</exception>
    public static PronunciationLexicon Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses <paramref name="content"/>; <paramref name="name"/> names errors.</summary>
    /// <exception cref="SpeechException">422: not a PLS lexicon.</exception>
    public static PronunciationLexicon Parse(string content, string name)
    {
        ArgumentNullException.ThrowIfNull(content);
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(new StringReader(content), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException error)
        {
            throw SpeechException.Validation("lexicon", $"{name}:{error.LineNumber}: {error.Message}");
        }

        var root = document.Root;
        if (root is null || root.Name.LocalName != "lexicon")
        {
            throw SpeechException.Validation("lexicon", $"{name}: a pronunciation lexicon's root element is <lexicon>.");
        }

        var ns = root.Name.Namespace == Pls ? Pls : XNamespace.None;
        var lexemes = new List<Lexeme>();
        foreach (var lexeme in root.Elements(ns + "lexeme"))
        {
            var graphemes = lexeme.Elements(ns + "grapheme").Select(g => g.Value.Trim()).Where(g => g.Length > 0).ToList();
            if (graphemes.Count == 0)
            {
                throw SpeechException.Validation("lexicon", $"{name}:{((IXmlLineInfo)lexeme).LineNumber}: a <lexeme> needs at least one <grapheme>.");
            }

            var alias = lexeme.Element(ns + "alias")?.Value.Trim();
            var phoneme = lexeme.Element(ns + "phoneme")?.Value.Trim();
            if (string.IsNullOrEmpty(alias) && string.IsNullOrEmpty(phoneme))
            {
                throw SpeechException.Validation("lexicon", $"{name}:{((IXmlLineInfo)lexeme).LineNumber}: a <lexeme> needs an <alias> or a <phoneme>.");
            }

            lexemes.Add(new Lexeme(graphemes, string.IsNullOrEmpty(alias) ? null : alias, string.IsNullOrEmpty(phoneme) ? null : phoneme));
        }

        var language = root.Attribute(XNamespace.Xml + "lang")?.Value;
        return new PronunciationLexicon(content, lexemes, root.Attribute("alphabet")?.Value ?? "ipa", language);
    }

    /// <summary>
    /// The entries whose graphemes occur in <paramref name="text"/> as whole words. Compared ignoring case, a superset
    /// of what ElevenLabs (case-sensitive) applies: a key built from it may miss needlessly, never hit wrongly.
    /// </summary>
    public IReadOnlyList<Lexeme> MatchesIn(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        List<Lexeme>? matches = null;
        foreach (var lexeme in Lexemes)
        {
            if (lexeme.Graphemes.Any(grapheme => WholeWordIndex(text, grapheme, StringComparison.OrdinalIgnoreCase, 0) >= 0))
            {
                (matches ??= []).Add(lexeme);
            }
        }

        return matches ?? (IReadOnlyList<Lexeme>)[];
    }

    /// <summary>A short hash of <paramref name="lexemes"/>: what a line's audio depends on, for its cache key.</summary>
    public static string VersionOf(IReadOnlyList<Lexeme> lexemes)
    {
        ArgumentNullException.ThrowIfNull(lexemes);
        var text = string.Join('\u001e', lexemes.Select(l => string.Join('\u001f', l.Graphemes) + "\u001d" + l.Alias + "\u001d" + l.Phoneme));
        return Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..16];
    }

    /// <summary>
    /// <paramref name="text"/> with each grapheme (whole word, case-sensitive, first lexeme wins, as ElevenLabs
    /// matches) replaced by its alias: how the local engine applies the lexicon.
    /// </summary>
    public string ApplyAliases(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var lexeme in Lexemes)
        {
            if (lexeme.Alias is null)
            {
                continue;
            }

            foreach (var grapheme in lexeme.Graphemes)
            {
                var start = 0;
                while ((start = WholeWordIndex(text, grapheme, StringComparison.Ordinal, start)) >= 0)
                {
                    text = string.Concat(text.AsSpan(0, start), lexeme.Alias, text.AsSpan(start + grapheme.Length));
                    start += lexeme.Alias.Length;
                }
            }
        }

        return text;
    }

    private static int WholeWordIndex(string text, string word, StringComparison comparison, int from)
    {
        while (from <= text.Length - word.Length && (from = text.IndexOf(word, from, comparison)) >= 0)
        {
            var before = from == 0 || !char.IsLetterOrDigit(text[from - 1]);
            var after = from + word.Length == text.Length || !char.IsLetterOrDigit(text[from + word.Length]);
            if (before && after)
            {
                return from;
            }

            from++;
        }

        return -1;
    }

    /// <summary>Every written form, for spelling (a lexicon's words are right by definition).</summary>
    public IEnumerable<string> Words
        => Lexemes.SelectMany(lexeme => lexeme.Graphemes).SelectMany(grapheme => grapheme.Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
