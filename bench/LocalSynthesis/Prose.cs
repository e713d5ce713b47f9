namespace SpeechGate.Bench.LocalSynthesis;

/// <summary>The benchmark input: exactly 1,000 characters of English prose.</summary>
internal static class Prose
{
    private const string Source =
        "The lighthouse stood at the end of a long spit of sand, and for most of the year nobody visited it at all. " +
        "Its keeper, a patient woman who had once taught mathematics, kept a logbook of every ship that passed. " +
        "In the mornings she climbed the spiral stairs, polished the great lens, and wrote down the weather. " +
        "In the afternoons she walked along the shore, collecting driftwood and the occasional glass float. " +
        "Storms came in the autumn, heavy and sudden, and on those nights the beam swept the water until dawn. " +
        "She never felt lonely, she said, because the sea was always talking, even when it had nothing new to say. " +
        "When the supply boat arrived each month, she traded stories with the crew and asked for books in return. " +
        "Over the years her shelves filled with history, poetry, and old atlases of coastlines that no longer existed. " +
        "Visitors who finally made the journey were surprised to find her cheerful, curious, and full of questions. " +
        "What did the cities look like now, she wanted to know, and did people still write letters by hand?";

    public static string Text { get; } = Source[..1000];
}
