using System.Text.Json;
using Microsoft.Extensions.Options;

namespace SpeechGate.VoiceResolution;

/// <summary>A small best-effort record (JSON in the data directory) of the voices requests used, for <c>voices check</c>.</summary>
/// <remarks>Thread-safe. Writes only when a voice is seen for the first time; keeps the newest <see cref="Capacity"/>.</remarks>
public sealed class RecentVoiceLog
{
    /// <summary>How many voices are kept.</summary>
    public const int Capacity = 100;

    private readonly string? _path;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private List<RecentVoice>? _voices;

    /// <summary>Creates the log over <see cref="VoiceResolutionOptions.RecentVoicesFile"/>.</summary>
    public RecentVoiceLog(IOptions<VoiceResolutionOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _path = options.Value.RecentVoicesFile;
        _time = time;
    }

    /// <summary>The voices recorded so far, oldest first.</summary>
    public IReadOnlyList<RecentVoice> Voices
    {
        get
        {
            lock (_gate)
            {
                return [.. Load()];
            }
        }
    }

    /// <summary>Records a voice; a no-op when it is already recorded.</summary>
    public void Record(string? provider, string voiceId, string label)
    {
        lock (_gate)
        {
            var voices = Load();
            if (voices.Exists(voice => voice.VoiceId == voiceId && voice.Provider == provider))
            {
                return;
            }

            voices.Add(new RecentVoice(provider, voiceId, label, _time.GetUtcNow()));
            if (voices.Count > Capacity)
            {
                voices.RemoveRange(0, voices.Count - Capacity);
            }

            Save(voices);
        }
    }

    private List<RecentVoice> Load()
    {
        if (_voices is not null)
        {
            return _voices;
        }

        try
        {
            _voices = _path is not null && File.Exists(_path) ? JsonSerializer.Deserialize<List<RecentVoice>>(File.ReadAllText(_path)) ?? [] : [];
        }
        catch (Exception error) when (error is IOException or JsonException or UnauthorizedAccessException)
        {
            // A damaged record only costs the history: start a new one.
            _voices = [];
        }

        return _voices;
    }

    private void Save(List<RecentVoice> voices)
    {
        if (_path is null)
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(_path))!);
            var temporary = _path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            File.WriteAllText(temporary, JsonSerializer.Serialize(voices));
            File.Move(temporary, _path, overwrite: true);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // Best effort: a read-only data directory must not fail a paid request.
        }
    }
}
