using SpeechGate.Models;
using SpeechGate.Synthesis;

namespace SpeechGate.Server.Endpoints.TextToSpeech;

/// <summary>The per-model character limit (KnownModels); unknown models get the largest known limit.</summary>
internal static class TextLimits
{
    private static readonly int LargestLimit = KnownModels.All.Max(model => model.MaxCharactersPerRequest);

    public static int For(string? modelId) => KnownModels.Find(modelId)?.MaxCharactersPerRequest ?? LargestLimit;

    public static void Ensure(string text, string? modelId)
    {
        var limit = For(modelId);
        if (text.Length > limit)
        {
            throw new InvalidSpeechRequestException("max_character_limit_exceeded",
                $"This request's text has {text.Length} characters and exceeds the character limit of {limit} characters.", "text")
            { Type = "validation_error" };
        }
    }
}
