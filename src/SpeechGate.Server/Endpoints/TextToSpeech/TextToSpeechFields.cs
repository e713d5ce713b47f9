namespace SpeechGate.Server.Endpoints.TextToSpeech;

/// <summary>What each body field should hold, for FastAPI-style type errors.</summary>
internal static class TextToSpeechFields
{
    public static (string Type, string Message) Describe(string field) => field switch
    {
        "seed" => ("int_type", "Input should be a valid integer"),
        "stability" or "similarity_boost" or "style" or "speed" => ("float_type", "Input should be a valid number"),
        "use_speaker_boost" or "use_pvc_as_ivc" or "apply_language_text_normalization" => ("bool_type", "Input should be a valid boolean"),
        "voice_settings" => ("model_attributes_type", "Input should be a valid dictionary or object to extract fields from"),
        "pronunciation_dictionary_locators" or "previous_request_ids" or "next_request_ids" => ("list_type", "Input should be a valid list"),
        _ => ("string_type", "Input should be a valid string"),
    };
}
