using System.Collections.Concurrent;

namespace SpeechGate.Testing.FakeElevenLabs;

/// <summary>The fake's account: plan, quota that runs down, voices, library and history.</summary>
public sealed class FakeElevenLabsAccount
{
    private readonly Lock _quota = new();
    private long _characterCount;

    /// <summary>The plan: free, starter, creator, pro, scale, business.</summary>
    public string Tier { get; set; } = "creator";

    /// <summary>Credits in the period.</summary>
    public long CharacterLimit { get; set; } = 100_000;

    /// <summary>Credits used so far.</summary>
    public long CharacterCount => Interlocked.Read(ref _characterCount);

    /// <summary>My Voices, by id.</summary>
    public ConcurrentDictionary<string, FakeVoice> Voices { get; } = new(FakeVoiceCatalog.Premade().ToDictionary(v => v.VoiceId));

    /// <summary>The public library, by library voice id.</summary>
    public ConcurrentDictionary<string, FakeSharedVoice> SharedVoices { get; } = new(FakeVoiceCatalog.Library().ToDictionary(v => v.VoiceId));

    /// <summary>Generations, by history item id.</summary>
    public ConcurrentDictionary<string, FakeHistoryItem> History { get; } = new();

    /// <summary>Pronunciation dictionaries uploaded, by id.</summary>
    public ConcurrentDictionary<string, FakePronunciationLexicon> PronunciationDictionaries { get; } = new();

    /// <summary>Designed previews not yet kept, by generated voice id.</summary>
    public ConcurrentDictionary<string, string> GeneratedVoices { get; } = new();

    /// <summary>Sets the counter of used credits.</summary>
    public void SetCharacterCount(long used)
    {
        lock (_quota)
        {
            _characterCount = used;
        }
    }

    /// <summary>Charges <paramref name="credits"/> if the quota allows; returns the counter before and after.</summary>
    public bool TryCharge(int credits, out long before, out long after)
    {
        lock (_quota)
        {
            before = _characterCount;
            after = before + credits;
            if (after > CharacterLimit)
            {
                after = before;
                return false;
            }

            _characterCount = after;
            return true;
        }
    }
}
