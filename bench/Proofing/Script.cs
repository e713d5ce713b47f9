using System.Text;

namespace SpeechGate.Bench.Proofing;

/// <summary>The input: 100,000 characters of voiceover prose in paragraphs, with the usual slips (typos, doubled spaces, numbers).</summary>
internal static class Script
{
    private static readonly string[] Paragraphs =
    [
        "The lighthouse stood at the end of a long spit of sand, and for most of the year nobody visited it at all. " +
        "Its keeper, a patient woman who had once taught mathematics, kept a logbook of every ship that passed.",
        "In the mornings she climbed the spiral stairs, polished the great lens, and wrote down the weather.  " +
        "In the afternoons she walked along the shore, collecting driftwood and the ocasional glass float.",
        "Storms came in the autumn, heavy and sudden, and on those nights the beam swept the water until dawn. " +
        "She never felt lonely, she said, because the sea was always talking, even when it had nothing new to say.",
        "When the supply boat arrived each month, she traded stories with the crew and asked for books in return. " +
        "The repairs cost $1,250 in 2019, and Dr. Hale signed the report at 10:30 on a Tuesday.",
        "Over the years her shelves filled with history, poetry, and old atlases of coastlines that no longer existed. " +
        "Visitors who finally made the journey were suprised to find her cheerful, curious, and full of questions.",
    ];

    /// <summary>Exactly <paramref name="characters"/> characters, whole paragraphs separated by blank lines.</summary>
    public static string Build(int characters)
    {
        var builder = new StringBuilder(characters + 400);
        for (var i = 0; builder.Length < characters; i++)
        {
            builder.Append(Paragraphs[i % Paragraphs.Length]).Append("\n\n");
        }

        return builder.ToString(0, characters);
    }
}
