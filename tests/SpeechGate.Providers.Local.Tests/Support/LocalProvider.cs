using Microsoft.Extensions.Options;
using SpeechGate.Audio;
using SpeechGate.Providers.Local.Engine;
using SpeechGate.Providers.Local.Voices;
using SpeechGate.Synthesis;

namespace SpeechGate.Providers.Local.Tests.Support;

/// <summary>Builds the real local provider over the system's eSpeak NG data.</summary>
internal static class LocalProvider
{
    public const string Sentence = "The quick brown fox jumps over the lazy dog near the river bank.";

    public static LocalVoiceCatalog Catalog { get; } = new(EspeakEngine.Shared, Options.Create(new LocalSpeechOptions()));

    public static LocalSpeechSynthesizer CreateSynthesizer() => new(EspeakEngine.Shared, Catalog, Options.Create(new LocalSpeechOptions()));

    public static SpeechRequest Request(string text, string format = "pcm_22050", string voiceId = LocalVoices.DefaultVoiceId)
        => new(text, voiceId) { Format = AudioFormat.Parse(format) };

    public static async Task<byte[]> SynthesizeAsync(SpeechRequest request)
    {
        await using var audio = await CreateSynthesizer().SynthesizeAsync(request);
        return await audio.ReadAllBytesAsync();
    }
}
