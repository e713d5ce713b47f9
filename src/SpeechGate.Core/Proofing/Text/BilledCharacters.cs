namespace SpeechGate.Proofing.Text;

/// <summary>Characters as ElevenLabs bills them: Unicode scalar values, not UTF-16 units.</summary>
internal static class BilledCharacters
{
    public static int Count(ReadOnlySpan<char> text)
    {
        var count = text.Length;
        foreach (var character in text)
        {
            if (char.IsLowSurrogate(character))
            {
                count--;
            }
        }

        return count;
    }
}
