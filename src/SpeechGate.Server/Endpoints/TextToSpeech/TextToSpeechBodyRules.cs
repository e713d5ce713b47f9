using SpeechGate.Server.Errors;
using SpeechGate.Server.Json;

namespace SpeechGate.Server.Endpoints.TextToSpeech;

/// <summary>The schema's constraints on a text-to-speech body (elevenlabs-api.md §2), as FastAPI reports them.</summary>
internal static class TextToSpeechBodyRules
{
    public static void Check(TextToSpeechBody body, List<ValidationError> errors)
    {
        if (body.Text is null)
        {
            errors.Add(new(["body", "text"], "Field required", "missing"));
        }
        else if (body.Text.Length == 0)
        {
            // UNVERIFIED: upstream's answer to an empty text; a 422 costs nothing and is what pydantic's min_length gives.
            errors.Add(new(["body", "text"], "String should have at least 1 character", "string_too_short"));
        }

        if (body.Seed is < 0 or > uint.MaxValue)
        {
            errors.Add(body.Seed < 0
                ? new(["body", "seed"], "Input should be greater than or equal to 0", "greater_than_equal")
                : new(["body", "seed"], "Input should be less than or equal to 4294967295", "less_than_equal"));
        }

        if (body.ApplyTextNormalization is not (null or "auto" or "on" or "off"))
        {
            errors.Add(new(["body", "apply_text_normalization"], "Input should be 'auto', 'on' or 'off'", "enum"));
        }

        CheckMaxItems(body.PronunciationDictionaryLocators?.Count, "pronunciation_dictionary_locators", errors);
        CheckMaxItems(body.PreviousRequestIds?.Count, "previous_request_ids", errors);
        CheckMaxItems(body.NextRequestIds?.Count, "next_request_ids", errors);
        for (var i = 0; i < (body.PronunciationDictionaryLocators?.Count ?? 0); i++)
        {
            if (body.PronunciationDictionaryLocators![i]?.PronunciationDictionaryId is null)
            {
                errors.Add(new(["body", "pronunciation_dictionary_locators", i, "pronunciation_dictionary_id"], "Field required", "missing"));
            }
        }

        if (body.VoiceSettings is { } settings)
        {
            CheckUnit(settings.Stability, "stability", errors);
            CheckUnit(settings.SimilarityBoost, "similarity_boost", errors);
            CheckUnit(settings.Style, "style", errors);
        }
    }

    private static void CheckMaxItems(int? count, string field, List<ValidationError> errors)
    {
        if (count > 3)
        {
            errors.Add(new(["body", field], $"List should have at most 3 items after validation, not {count}", "too_long"));
        }
    }

    private static void CheckUnit(double? value, string field, List<ValidationError> errors)
    {
        if (value < 0)
        {
            errors.Add(new(["body", "voice_settings", field], "Input should be greater than or equal to 0", "greater_than_equal"));
        }
        else if (value > 1)
        {
            errors.Add(new(["body", "voice_settings", field], "Input should be less than or equal to 1", "less_than_equal"));
        }
    }
}
