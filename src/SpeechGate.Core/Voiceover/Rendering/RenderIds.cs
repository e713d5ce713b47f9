using System.Text.RegularExpressions;

namespace SpeechGate.Voiceover.Rendering;

/// <summary>Line ids name files (<c>lines/&lt;id&gt;.mp3</c>), so they are kept to a safe alphabet.</summary>
internal static partial class RenderIds
{
    public static bool IsSafe(string id) => Safe().IsMatch(id);

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")]
    private static partial Regex Safe();
}
