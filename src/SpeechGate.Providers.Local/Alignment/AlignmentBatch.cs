using SpeechGate.Synthesis;

namespace SpeechGate.Providers.Local.Alignment;

/// <summary>Alignment of sentences whose audio has not been handed out yet, joined into one chunk's alignment.</summary>
internal sealed class AlignmentBatch
{
    private readonly List<string> _characters = [];
    private readonly List<double> _starts = [];
    private readonly List<double> _ends = [];

    public void Add(CharacterAlignment alignment)
    {
        ArgumentNullException.ThrowIfNull(alignment);
        _characters.AddRange(alignment.Characters);
        _starts.AddRange(alignment.CharacterStartTimesSeconds);
        _ends.AddRange(alignment.CharacterEndTimesSeconds);
    }

    public bool IsEmpty => _characters.Count == 0;

    /// <summary>Returns what was added since the last call, or null when nothing was.</summary>
    public CharacterAlignment? Take()
    {
        if (IsEmpty)
        {
            return null;
        }

        var alignment = new CharacterAlignment([.. _characters], [.. _starts], [.. _ends]);
        _characters.Clear();
        _starts.Clear();
        _ends.Clear();
        return alignment;
    }
}
