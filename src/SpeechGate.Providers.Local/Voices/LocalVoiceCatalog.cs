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

        var engineVoices = await engine.ListVoicesAsync(options.Value.DataPath, options.Value.EngineInstances, cancellationToken).ConfigureAwait(false);
        var voices = engineVoices.Select(ToLocalVoice).ToList();
        var byName = new Dictionary<string, LocalVoice>(StringComparer.OrdinalIgnoreCase);
        foreach (var voice in voices)
        {
            byName.TryAdd(voice.Engine.Identifier, voice);
            byName.TryAdd(voice.Engine.Language, voice);
        }

        // ElevenLabs' premade voices come after the engine's own, so the first listed voice stays the engine default.
        var standIns = StandIns(engineVoices);
        voices.AddRange(standIns.Values);
        foreach (var (name, stock) in StockVoices.Names)
        {
            if (standIns.TryGetValue(stock.VoiceId, out var standIn))
            {
                byName.TryAdd(name, standIn);
            }
        }

        _voices = voices;

        _byName = byName;
        var byId = voices.ToDictionary(voice => voice.VoiceId, StringComparer.Ordinal);
        Volatile.Write(ref _byId, byId);
        return byId;
    }

    private static Dictionary<string, LocalVoice> StandIns(IReadOnlyList<EspeakVoice> engineVoices)
    {
        var standIns = new Dictionary<string, LocalVoice>(StringComparer.Ordinal);
        foreach (var stock in StockVoices.All)
        {
            if (engineVoices.FirstOrDefault(voice => voice.Identifier == stock.EngineFile) is not { } file)
            {
                continue;
            }

            var labels = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["language"] = "en",
                ["accent"] = stock.Accent,
                ["gender"] = stock.Gender,
            };
            var info = new VoiceInfo(stock.VoiceId, stock.Name, "premade", LocalVoices.ProviderName)
            {
                Labels = labels,
                Description = $"Offline stand-in for ElevenLabs' premade voice {stock.Name}: eSpeak NG {stock.EngineVoice}.",
            };
            standIns[stock.VoiceId] = new LocalVoice(stock.VoiceId, file with { Identifier = stock.EngineVoice }, info);
        }

        return standIns;
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
