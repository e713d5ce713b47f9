namespace SpeechGate.Voiceover.Rendering;

/// <summary>One line in <c>manifest.json</c>.</summary>
/// <param name="Id">Line id.</param>
/// <param name="Text">The original text.</param>
/// <param name="Voice">The voice as the script names it (alias or id).</param>
/// <param name="VoiceId">The voice id that spoke.</param>
/// <param name="Model">Model id (null: the provider's default).</param>
/// <param name="File">The clip, relative to the output directory.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the clip.</param>
/// <param name="DurationMs">Decoded duration of the clip.</param>
/// <param name="OffsetMs">Where the clip starts in the track.</param>
/// <param name="Characters">Billable characters.</param>
/// <param name="Credits">Credits this render spent on the line.</param>
/// <param name="Cache">How this render got the audio: <c>miss</c> (paid), <c>hit</c>, <c>coalesced</c>, <c>bypass</c> (a new take, paid) or <c>take</c> (a kept take).</param>
/// <param name="RequestId">The provider's request id of the audio, when known.</param>
/// <param name="Take">The take delivered (1 is the first).</param>
/// <param name="Requests">Requests the line was split into (long lines).</param>
public sealed record RenderManifestLine(
    string Id,
    string Text,
    string Voice,
    string VoiceId,
    string? Model,
    string File,
    string Sha256,
    long DurationMs,
    long OffsetMs,
    int Characters,
    double Credits,
    string Cache,
    string? RequestId,
    int Take,
    int Requests);

/// <summary>A problem found after the render (<c>--strict</c> fails on any).</summary>
/// <param name="Line">The line id.</param>
/// <param name="Code"><c>silent</c>, <c>leading_silence</c>, <c>trailing_silence</c>, <c>duration</c> or <c>caption</c>.</param>
/// <param name="Message">What was found.</param>
public sealed record RenderCheck(string Line, string Code, string Message);
