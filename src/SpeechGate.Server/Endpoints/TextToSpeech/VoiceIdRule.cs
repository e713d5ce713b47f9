using System.Text.RegularExpressions;
using SpeechGate.Server.Errors;

namespace SpeechGate.Server.Endpoints.TextToSpeech;

/// <summary>Rejects voice ids that are not plain identifiers (path tricks, control characters, encoded slashes).</summary>
internal static partial class VoiceIdRule
{
    public static ValidationError? Check(string voiceId)
        => ValidVoiceId().IsMatch(voiceId) && !voiceId.Contains("..", StringComparison.Ordinal)
            ? null
            : new ValidationError(["path", "voice_id"], "String should match pattern '^[A-Za-z0-9][A-Za-z0-9._:+-]{0,127}$'", "string_pattern_mismatch");

    public static void Ensure(string voiceId)
    {
        if (Check(voiceId) is { } error)
        {
            throw new RequestValidationException([error]);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._:+-]{0,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex ValidVoiceId();
}
