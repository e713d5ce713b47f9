using SpeechGate.Providers.ElevenLabs.Wire;
using SpeechGate.Voices;

namespace SpeechGate.Providers.ElevenLabs;

/// <summary>The account's ElevenLabs voices as <see cref="VoiceInfo"/>, read page by page from <c>/v2/voices</c>.</summary>
internal sealed class ElevenLabsVoiceDirectory(ElevenLabsClient client) : IVoiceDirectory
{
    public const string ProviderName = Synthesis.SpeechProviderNames.ElevenLabs;

    public string Provider => ProviderName;

    public async Task<IReadOnlyList<VoiceInfo>> ListVoicesAsync(CancellationToken cancellationToken = default)
    {
        var voices = new List<VoiceInfo>();
        var search = new ElevenLabsVoiceSearch { PageSize = 100 };
        while (true)
        {
            var page = await client.SearchVoicesAsync(search, cancellationToken).ConfigureAwait(false);
            voices.AddRange(page.Voices.Select(ToVoiceInfo));
            if (!page.HasMore || string.IsNullOrEmpty(page.NextPageToken))
            {
                return voices;
            }

            search = search with { NextPageToken = page.NextPageToken };
        }
    }

    public async Task<VoiceInfo?> GetVoiceAsync(string voiceId, CancellationToken cancellationToken = default)
    {
        try
        {
            return ToVoiceInfo(await client.GetVoiceAsync(voiceId, cancellationToken).ConfigureAwait(false));
        }
        catch (ElevenLabsException error) when (error.Status is "voice_not_found" or "voice_does_not_exist" || error.StatusCode == 404)
        {
            return null;
        }
    }

    internal static VoiceInfo ToVoiceInfo(ElevenLabsVoice voice) => new(voice.VoiceId, voice.Name, voice.Category ?? "premade", ProviderName)
    {
        Labels = voice.Labels ?? new Dictionary<string, string>(),
        Description = voice.Description,
        PublicOwnerId = voice.Sharing?.PublicOwnerId,
        SharingStatus = voice.Sharing?.Status,
        Settings = voice.Settings,
    };
}
