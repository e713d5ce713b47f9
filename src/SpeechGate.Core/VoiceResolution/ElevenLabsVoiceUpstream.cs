using SpeechGate.Providers.ElevenLabs;
using SpeechGate.Providers.ElevenLabs.Wire;
using SpeechGate.Synthesis;

namespace SpeechGate.VoiceResolution;

/// <summary>The voice upstream over <see cref="ElevenLabsClient"/>: My Voices, the shared library, and voice design.</summary>
internal sealed class ElevenLabsVoiceUpstream(ElevenLabsClient client) : IVoiceUpstream
{
    private const int LibraryPageSize = 100;

    // The library has no documented lookup by voice id (UNVERIFIED); scan this many pages before giving up.
    private const int LibraryPages = 20;

    public string Provider => SpeechProviderNames.ElevenLabs;

    public async Task<UpstreamVoice?> GetVoiceAsync(string voiceId, CancellationToken cancellationToken = default)
    {
        try
        {
            return ToUpstream(await client.GetVoiceAsync(voiceId, cancellationToken).ConfigureAwait(false));
        }
        catch (SpeechException error) when (IsVoiceMissing(error))
        {
            return await FindInLibraryAsync(voiceId, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<string> AddSharedVoiceAsync(string publicOwnerId, string voiceId, string newName, CancellationToken cancellationToken = default)
    {
        try
        {
            return await client.AddSharedVoiceAsync(publicOwnerId, voiceId, newName, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (SpeechException error) when (error.Status == "voice_already_cloned")
        {
            // Added before (by a teammate, or a pin whose lockfile was lost): pin the existing copy.
            var voices = await client.ListVoicesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            if (voices.FirstOrDefault(voice => voice.Sharing?.OriginalVoiceId == voiceId) is { } copy)
            {
                return copy.VoiceId;
            }

            throw;
        }
    }

    public async Task<UpstreamVoice> DesignVoiceAsync(string description, string name, CancellationToken cancellationToken = default)
    {
        var design = await client.DesignVoiceAsync(new ElevenLabsVoiceDesignRequest(description) { AutoGenerateText = true }, cancellationToken).ConfigureAwait(false);
        var preview = (design.Previews.Count > 0 ? design.Previews[0] : null)
            ?? throw new UpstreamFailureException(502, "invalid_response", "Voice design returned no previews.");
        var voice = await client.CreateVoiceAsync(new ElevenLabsCreateVoiceRequest(name, description, preview.GeneratedVoiceId), cancellationToken).ConfigureAwait(false);
        return ToUpstream(voice);
    }

    public async Task<UpstreamVoice> CloneVoiceAsync(VoiceCloneRequest request, CancellationToken cancellationToken = default)
    {
        var voiceId = await client.AddVoiceAsync(request, cancellationToken).ConfigureAwait(false);

        // The voice is usable as soon as the id comes back; read it for its category and settings, if the API has it yet.
        try
        {
            return ToUpstream(await client.GetVoiceAsync(voiceId, cancellationToken).ConfigureAwait(false));
        }
        catch (SpeechException error) when (IsVoiceMissing(error))
        {
            return new UpstreamVoice(voiceId, request.Name, "cloned");
        }
    }

    private static bool IsVoiceMissing(SpeechException error)
        => error.StatusCode == 404 || error.Status is "voice_not_found" or "voice_does_not_exist";

    private static UpstreamVoice ToUpstream(ElevenLabsVoice voice)
    {
        var sharing = voice.Sharing;

        // A library voice fetched by id (if the API answers that at all; UNVERIFIED) is shared, enabled or disabled,
        // and not ours; a copy in My Voices is "copied".
        var libraryOriginal = sharing is { PublicOwnerId: not null, Status: "enabled" or "disabled" } && voice.IsOwner != true;
        return new UpstreamVoice(voice.VoiceId, voice.Name, voice.Category ?? "premade")
        {
            InMyVoices = !libraryOriginal,
            PublicOwnerId = sharing?.PublicOwnerId,
            SharingStatus = sharing?.Status,
            Settings = voice.Settings,
        };
    }

    private async Task<UpstreamVoice?> FindInLibraryAsync(string voiceId, CancellationToken cancellationToken)
    {
        for (var page = 0; page < LibraryPages; page++)
        {
            var result = await client.SearchSharedVoicesAsync(new ElevenLabsSharedVoiceSearch { PageSize = LibraryPageSize, Page = page }, cancellationToken).ConfigureAwait(false);
            if (result.Voices.FirstOrDefault(voice => voice.VoiceId == voiceId) is { } shared)
            {
                return new UpstreamVoice(shared.VoiceId, shared.Name, shared.Category ?? "professional")
                {
                    InMyVoices = false,
                    PublicOwnerId = shared.PublicOwnerId,
                    SharingStatus = "enabled",
                };
            }

            if (!result.HasMore)
            {
                return null;
            }
        }

        return null;
    }
}
