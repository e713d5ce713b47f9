using System.Globalization;
using Microsoft.Extensions.Options;
using SpeechGate.Providers.Local.Engine;
using SpeechGate.Voices;

namespace SpeechGate.Providers.Local.Voices;

/// <summary>
/// The engine's voices keyed by their stable ids; read once from the engine and kept. A voice may also be named by its
/// eSpeak NG identifier (<c>gmw/en-US</c>) or language (<c>en-us</c>), case-insensitively, for people typing at a CLI.
/// </summary>
internal sealed class LocalVoiceCatalog(EspeakEngine engine, IOptions<LocalSpeechOptions> options)
{
    // One reference, so a reader never sees the list without its index (a concurrent first load just repeats the work).
    private Dictionary<string, LocalVoice>? _byId;
    private Dictionary<string, LocalVoice> _byName = [];
    private IReadOnlyList<LocalVoice> _voices = [];

    public async Task<IReadOnlyList<LocalVoice>> ListAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken).ConfigureAwait(false);
        return _voices;
    }

    public async Task<LocalVoice?> FindAsync(string voiceId, CancellationToken cancellationToken)
        => (await LoadAsync(cancellationToken).ConfigureAwait(false)).GetValueOrDefault(voiceId) ?? _byName.GetValueOrDefault(voiceId);

    private async Task<Dictionary<string, LocalVoice>> LoadAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _byId) is { } loaded)
        {
            return loaded;
        }

        var voices = (await engine.ListVoicesAsync(options.Value.DataPath, options.Value.EngineInstances, cancellationToken).ConfigureAwait(false))
            .Select(ToLocalVoice)
            .ToList();
        _voices = voices;
        var byName = new Dictionary<string, LocalVoice>(StringComparer.OrdinalIgnoreCase);
        foreach (var voice in voices)
        {
            byName.TryAdd(voice.Engine.Identifier, voice);
            byName.TryAdd(voice.Engine.Language, voice);
        }

        _byName = byName;
        var byId = voices.ToDictionary(voice => voice.VoiceId, StringComparer.Ordinal);
        Volatile.Write(ref _byId, byId);
        return byId;
    }

    private static LocalVoice ToLocalVoice(EspeakVoice voice)
    {
        var id = VoiceIds.FromIdentifier(voice.Identifier);
        var name = voice.Name.Replace('_', ' ');
        var labels = new Dictionary<string, string>(StringComparer.Ordinal) { ["language"] = voice.Language };
        if (voice.Gender is 1 or 2)
        {
            labels["gender"] = voice.Gender == 1 ? "male" : "female";
        }

        // "English (America, New York City)" -> accent "america, new york city".
        var open = name.IndexOf('(', StringComparison.Ordinal);
        if (open > 0 && name.EndsWith(')'))
        {
            labels["accent"] = name[(open + 1)..^1].ToLower(CultureInfo.InvariantCulture);
        }

        var info = new VoiceInfo(id, name, "premade", LocalVoices.ProviderName)
        {
            Labels = labels,
            Description = $"eSpeak NG voice {voice.Identifier} ({voice.Language}), offline.",
        };
        return new LocalVoice(id, voice, info);
    }
}
