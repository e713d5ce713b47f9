using SpeechGate.Synthesis;
using SpeechGate.VoiceResolution;

namespace SpeechGate.Testing;

/// <summary>An in-memory voice upstream: My Voices plus a shared library, with removal and call records.</summary>
public sealed class FakeVoiceUpstream : IVoiceUpstream
{
    private readonly Dictionary<string, UpstreamVoice> _voices = new(StringComparer.Ordinal);
    private int _nextId;

    public string Provider => "elevenlabs";

    /// <summary>Every add-shared-voice call as (owner, voice id).</summary>
    public List<(string Owner, string VoiceId)> AddCalls { get; } = [];

    public int DesignCalls { get; private set; }

    /// <summary>Number of voice lookups so far.</summary>
    public int GetCalls { get; private set; }

    public FakeVoiceUpstream WithVoice(string voiceId, string category, string name = "Voice")
    {
        lock (_voices)
        {
            _voices[voiceId] = new UpstreamVoice(voiceId, name, category);
        }

        return this;
    }

    public FakeVoiceUpstream WithLibraryVoice(string voiceId, string owner, string name = "Library voice")
    {
        lock (_voices)
        {
            _voices[voiceId] = new UpstreamVoice(voiceId, name, "professional") { InMyVoices = false, PublicOwnerId = owner, SharingStatus = "enabled" };
        }

        return this;
    }

    public void Remove(string voiceId)
    {
        lock (_voices)
        {
            _voices.Remove(voiceId);
        }
    }

    public void Update(string voiceId, Func<UpstreamVoice, UpstreamVoice> change)
    {
        lock (_voices)
        {
            _voices[voiceId] = change(_voices[voiceId]);
        }
    }

    public Task<UpstreamVoice?> GetVoiceAsync(string voiceId, CancellationToken cancellationToken = default)
    {
        lock (_voices)
        {
            GetCalls++;
            return Task.FromResult(_voices.GetValueOrDefault(voiceId));
        }
    }

    public Task<string> AddSharedVoiceAsync(string publicOwnerId, string voiceId, string newName, CancellationToken cancellationToken = default)
    {
        lock (_voices)
        {
            AddCalls.Add((publicOwnerId, voiceId));
            if (!_voices.TryGetValue(voiceId, out var original) || original.PublicOwnerId != publicOwnerId)
            {
                throw SpeechException.VoiceNotFound(voiceId);
            }

            var id = NewId();
            _voices[id] = original with { VoiceId = id, Name = newName, InMyVoices = true, SharingStatus = "copied" };
            return Task.FromResult(id);
        }
    }

    public Task<UpstreamVoice> DesignVoiceAsync(string description, string name, CancellationToken cancellationToken = default)
    {
        lock (_voices)
        {
            DesignCalls++;
            var voice = new UpstreamVoice(NewId(), name, "generated");
            _voices[voice.VoiceId] = voice;
            return Task.FromResult(voice);
        }
    }

    public Task<UpstreamVoice> CloneVoiceAsync(VoiceCloneRequest request, CancellationToken cancellationToken = default)
    {
        lock (_voices)
        {
            var voice = new UpstreamVoice(NewId(), request.Name, "cloned");
            _voices[voice.VoiceId] = voice;
            return Task.FromResult(voice);
        }
    }

    private string NewId() => $"stable{++_nextId:D14}";
}
