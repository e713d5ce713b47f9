using SpeechGate.Server.Errors;
using SpeechGate.Server.Json;
using SpeechGate.Synthesis;

namespace SpeechGate.Server.Endpoints.TextToSpeech;

/// <summary>Reads and validates a text-to-speech call into a <see cref="SpeechRequest"/>, mapping every body field.</summary>
internal static class TextToSpeechRequestReader
{
    public static async Task<SpeechRequest> ReadAsync(HttpContext context, string voiceId, bool streaming, bool withTimestamps)
    {
        List<ValidationError> errors = [];
        if (VoiceIdRule.Check(voiceId) is { } voiceError)
        {
            errors.Add(voiceError);
        }

        var query = TextToSpeechQuery.Parse(context.Request.Query, streaming, errors);
        var body = await JsonBodyReader.ReadAsync(context.Request, GatewayJsonContext.Default.TextToSpeechBody, TextToSpeechFields.Describe);
        TextToSpeechBodyRules.Check(body, errors);
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        return new SpeechRequest(body.Text!, voiceId)
        {
            ModelId = body.ModelId,
            Format = query.Format,
            VoiceSettings = Map(body.VoiceSettings),
            LanguageCode = body.LanguageCode,
            Seed = (uint?)body.Seed,
            PronunciationDictionaryLocators = body.PronunciationDictionaryLocators?
                .Select(locator => new PronunciationDictionaryLocator(locator.PronunciationDictionaryId!, locator.VersionId)).ToList() ?? [],
            PreviousText = body.PreviousText,
            NextText = body.NextText,
            PreviousRequestIds = body.PreviousRequestIds ?? [],
            NextRequestIds = body.NextRequestIds ?? [],
            UsePvcAsIvc = body.UsePvcAsIvc,
            ApplyTextNormalization = body.ApplyTextNormalization,
            ApplyLanguageTextNormalization = body.ApplyLanguageTextNormalization,
            EnableLogging = query.EnableLogging,
            OptimizeStreamingLatency = query.OptimizeStreamingLatency,
            WithTimestamps = withTimestamps,
        };
    }

    public static VoiceSettings? Map(VoiceSettingsBody? settings) => settings is null ? null : new VoiceSettings
    {
        Stability = settings.Stability,
        SimilarityBoost = settings.SimilarityBoost,
        Style = settings.Style,
        UseSpeakerBoost = settings.UseSpeakerBoost,
        Speed = settings.Speed,
    };
}
