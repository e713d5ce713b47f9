using System.Text.RegularExpressions;

namespace SpeechGate.Voiceover;

/// <summary>Rewrites YAML deserialisation messages so they name what a script author wrote, not .NET types.</summary>
internal static partial class ScriptMessages
{
    public static string Describe(string message) => DotNetType().Replace(message, match => match.Value switch
    {
        var type when type.Contains("VoiceoverScript", StringComparison.Ordinal) => "a script (a mapping with lines)",
        var type when type.Contains("List", StringComparison.Ordinal) => "a list",
        var type when type.Contains("VoiceoverLine", StringComparison.Ordinal) => "a line (a mapping with text)",
        var type when type.Contains("Double", StringComparison.Ordinal) || type.Contains("Int", StringComparison.Ordinal) || type.Contains("Decimal", StringComparison.Ordinal) => "a number",
        var type when type.Contains("Boolean", StringComparison.Ordinal) => "true or false",
        var type when type.Contains("String", StringComparison.Ordinal) => "text",
        _ => "a value of another type",
    });

    // Namespace-qualified names, generic ones included: System.Nullable`1[System.Double], SpeechGate.Voiceover.VoiceoverScript.
    [GeneratedRegex(@"(?:System|SpeechGate|YamlDotNet)(?:\.[A-Za-z0-9_`]+)+(?:\[[^\]]*\]+)?")]
    private static partial Regex DotNetType();
}
