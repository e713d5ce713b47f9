using SpeechGate.Models;
using SpeechGate.Synthesis;

namespace SpeechGate.Caching;

/// <summary>The identity of a clip: a SHA-256 (lowercase hex) over every field of a request that decides its audio.</summary>
/// <remarks>
/// Fields are listed explicitly and encoded length-prefixed, so no two requests that differ in one field share a key.
/// Defaults are filled in first, so an explicit default and an omitted field give the same key. Who pays
/// (<see cref="SpeechRequest.AccountId"/>, <see cref="SpeechRequest.Project"/>, <see cref="SpeechRequest.LineId"/>) and
/// <see cref="SpeechRequest.BypassCache"/> and <see cref="SpeechRequest.EnableLogging"/> never change the audio and are left out,
/// and so are request ids marked <see cref="SpeechRequest.RequestIdsAreHints"/>.
/// </remarks>
public sealed record SpeechCacheKey
{
    /// <summary>Bump when the encoding, or what a stored entry holds, changes: every older entry then misses.</summary>
    public const int KeyVersion = 1;

    private const string ElevenLabs = SpeechProviderNames.ElevenLabs;

    private SpeechCacheKey(string value) => Value = value;

    /// <summary>64 lowercase hex digits; also usable as an HTTP ETag.</summary>
    public string Value { get; }

    /// <summary>Computes the key of <paramref name="request"/>.</summary>
    /// <param name="request">The request, after proofing and voice resolution.</param>
    /// <param name="defaultProvider">The provider that answers requests naming none (<see cref="SpeechProviderOptions.Default"/>).</param>
    public static SpeechCacheKey From(SpeechRequest request, string? defaultProvider = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var provider = Optional(request.Provider) ?? Optional(defaultProvider);
        var model = Optional(request.ModelId) ?? (provider == ElevenLabs ? KnownModels.Default.ModelId : null);
        var settings = (request.VoiceSettings ?? VoiceSettings.Defaults).WithDefaults();

        var writer = new SpeechCacheKeyWriter();
        writer.Write(KeyVersion);
        writer.Write(provider);
        writer.Write(Optional(request.Tenant));
        writer.Write(request.VoiceId);
        writer.Write(model);
        writer.Write(request.Format.Name);
        writer.Write(settings.Stability);
        writer.Write(settings.SimilarityBoost);
        writer.Write(settings.Style);
        writer.Write(settings.UseSpeakerBoost);
        writer.Write(settings.Speed);
        writer.Write(Optional(request.LanguageCode));
        writer.Write(request.Seed);
        writer.Write(request.PronunciationDictionaryLocators, static (w, locator) =>
        {
            // A project lexicon is keyed by the entries that apply to this text, not by the upload that carries them.
            w.Write(locator.KeyVersion is null ? locator.PronunciationDictionaryId : "lexicon");
            w.Write(Optional(locator.KeyVersion ?? locator.VersionId));
        });
        writer.Write(Optional(request.PreviousText));
        writer.Write(Optional(request.NextText));
        // Hints (a render's neighbours) are encoded as if absent: the neighbours' text above already keys continuity.
        writer.Write(request.RequestIdsAreHints ? [] : request.PreviousRequestIds, static (w, id) => w.Write(id));
        writer.Write(request.RequestIdsAreHints ? [] : request.NextRequestIds, static (w, id) => w.Write(id));
        writer.Write(Optional(request.ApplyTextNormalization) ?? "auto");
        writer.Write(request.ApplyLanguageTextNormalization ?? false);
        writer.Write(request.UsePvcAsIvc ?? false);

        // Deprecated upstream, but levels 3-4 turn the text normaliser off, so it can change the audio; null is level 0.
        writer.Write(request.OptimizeStreamingLatency ?? 0);
        writer.Write(request.WithTimestamps);
        writer.Write(request.Text);
        return new SpeechCacheKey(writer.ToHex());
    }

    /// <summary>Reads a key back from its <see cref="Value"/> (as stored in an index).</summary>
    /// <exception cref="FormatException">The value is not 64 lowercase hex digits.</exception>
    public static SpeechCacheKey Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length != 64 || !value.All(char.IsAsciiHexDigitLower))
        {
            throw new FormatException("A speech cache key is 64 lowercase hex digits.");
        }

        return new SpeechCacheKey(value);
    }

    /// <inheritdoc/>
    public override string ToString() => Value;

    // An empty optional string means the same to the API as an omitted one.
    private static string? Optional(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
