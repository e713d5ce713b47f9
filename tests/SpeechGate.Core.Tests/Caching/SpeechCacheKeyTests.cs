using SpeechGate.Audio;
using SpeechGate.Caching;
using SpeechGate.Synthesis;

namespace SpeechGate.Core.Tests.Caching;

public class SpeechCacheKeyTests
{
    private static readonly SpeechRequest Base = new("Hello there.", "voice-a") { Provider = "elevenlabs" };

    // One change per audio-deciding field; the property name says which field it covers.
    private static readonly (string Property, Func<SpeechRequest, SpeechRequest> Change)[] AudioChanges =
    [
        ("Text", r => r with { Text = "Hello there!" }),
        ("VoiceId", r => r with { VoiceId = "voice-b" }),
        ("Provider", r => r with { Provider = "local" }),
        ("Tenant", r => r with { Tenant = "account-2" }),
        ("ModelId", r => r with { ModelId = "eleven_flash_v2_5" }),
        ("Format", r => r with { Format = AudioFormat.Parse("pcm_16000") }),
        ("VoiceSettings", r => r with { VoiceSettings = new VoiceSettings { Stability = 0.6 } }),
        ("VoiceSettings", r => r with { VoiceSettings = new VoiceSettings { SimilarityBoost = 0.8 } }),
        ("VoiceSettings", r => r with { VoiceSettings = new VoiceSettings { Style = 0.1 } }),
        ("VoiceSettings", r => r with { VoiceSettings = new VoiceSettings { UseSpeakerBoost = false } }),
        ("VoiceSettings", r => r with { VoiceSettings = new VoiceSettings { Speed = 1.1 } }),
        ("LanguageCode", r => r with { LanguageCode = "en" }),
        ("Seed", r => r with { Seed = 42 }),
        ("PronunciationDictionaryLocators", r => r with { PronunciationDictionaryLocators = [new("dict-1")] }),
        ("PronunciationDictionaryLocators", r => r with { PronunciationDictionaryLocators = [new("dict-1", "v1")] }),
        ("PronunciationDictionaryLocators", r => r with { PronunciationDictionaryLocators = [new("dict-1", "v2")] }),
        ("PronunciationDictionaryLocators", r => r with { PronunciationDictionaryLocators = [new("dict-1"), new("dict-2")] }),
        ("PronunciationDictionaryLocators", r => r with { PronunciationDictionaryLocators = [new("dict-2"), new("dict-1")] }),
        ("PreviousText", r => r with { PreviousText = "Before." }),
        ("NextText", r => r with { NextText = "After." }),
        ("PreviousRequestIds", r => r with { PreviousRequestIds = ["req-1"] }),
        ("NextRequestIds", r => r with { NextRequestIds = ["req-1"] }),
        ("ApplyTextNormalization", r => r with { ApplyTextNormalization = "off" }),
        ("ApplyLanguageTextNormalization", r => r with { ApplyLanguageTextNormalization = true }),
        ("UsePvcAsIvc", r => r with { UsePvcAsIvc = true }),
        ("OptimizeStreamingLatency", r => r with { OptimizeStreamingLatency = 3 }),
        ("WithTimestamps", r => r with { WithTimestamps = true }),
    ];

    // Who pays, why, and how the call is made: none of it changes the audio.
    private static readonly (string Property, Func<SpeechRequest, SpeechRequest> Change)[] NonAudioChanges =
    [
        ("AccountId", r => r with { AccountId = "gateway-key-2" }),
        ("Project", r => r with { Project = "trailer" }),
        ("LineId", r => r with { LineId = "line-7" }),
        ("BypassCache", r => r with { BypassCache = true }),
        ("EnableLogging", r => r with { EnableLogging = false }),
        ("Session", r => r with { Session = new NoSession() }),

        // Marks the request ids as hints, which leaves them out of the key (RenderingPartsTests covers that side).
        ("RequestIdsAreHints", r => r with { RequestIdsAreHints = true }),
    ];

    [Fact]
    public void From_EveryRequestProperty_IsClassifiedAsAudioOrNot()
    {
        var classified = AudioChanges.Concat(NonAudioChanges).Select(c => c.Property).ToHashSet();

        var properties = typeof(SpeechRequest).GetProperties().Select(p => p.Name).ToHashSet();

        // A new SpeechRequest field must be added to the key (and KeyVersion bumped) or listed as non-audio here.
        Assert.Equal(properties.Order(), classified.Order());
    }

    [Fact]
    public void From_AnyOneAudioFieldChanged_ChangesTheKey()
    {
        var keys = AudioChanges.Select(c => SpeechCacheKey.From(c.Change(Base))).Prepend(SpeechCacheKey.From(Base)).ToList();

        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    [Fact]
    public void From_NonAudioFieldChanged_KeepsTheKey()
    {
        var expected = SpeechCacheKey.From(Base);

        Assert.All(NonAudioChanges, c => Assert.Equal(expected, SpeechCacheKey.From(c.Change(Base))));
    }

    [Fact]
    public void From_ExplicitDefaults_EqualOmittedFields()
    {
        var omitted = SpeechCacheKey.From(Base);
        SpeechRequest[] explicitDefaults =
        [
            Base with { ModelId = "eleven_multilingual_v2" },
            Base with { VoiceSettings = VoiceSettings.Defaults },
            Base with { VoiceSettings = new VoiceSettings { Stability = 0.5, Speed = 1.0 } },
            Base with { VoiceSettings = new VoiceSettings() },
            Base with { ApplyTextNormalization = "auto" },
            Base with { ApplyLanguageTextNormalization = false, UsePvcAsIvc = false, OptimizeStreamingLatency = 0 },
            Base with { Format = AudioFormat.Parse("mp3_44100_128") },
            Base with { PreviousText = "", NextText = "", LanguageCode = "", Tenant = "" },
        ];

        Assert.All(explicitDefaults, r => Assert.Equal(omitted, SpeechCacheKey.From(r)));
    }

    [Fact]
    public void From_NoProvider_IsKeyedUnderTheConfiguredDefault()
    {
        var unnamed = Base with { Provider = null };

        Assert.Equal(SpeechCacheKey.From(Base), SpeechCacheKey.From(unnamed, defaultProvider: "elevenlabs"));
        Assert.NotEqual(SpeechCacheKey.From(Base), SpeechCacheKey.From(unnamed, defaultProvider: "local"));
    }

    [Fact]
    public void From_DefaultModelOfAnotherProvider_IsNotFilledIn()
    {
        var local = Base with { Provider = "local" };

        Assert.NotEqual(SpeechCacheKey.From(local), SpeechCacheKey.From(local with { ModelId = "eleven_multilingual_v2" }));
    }

    [Fact]
    public void From_ValuesShiftedAcrossFieldBoundaries_DoNotCollide()
    {
        SpeechRequest[] shifted =
        [
            Base with { PreviousText = "ab", NextText = "c" },
            Base with { PreviousText = "a", NextText = "bc" },
            Base with { PreviousRequestIds = ["a", "b"] },
            Base with { PreviousRequestIds = ["ab"] },
            Base with { PreviousRequestIds = ["x"] },
            Base with { NextRequestIds = ["x"] },
            Base with { PronunciationDictionaryLocators = [new("a", "b")] },
            Base with { PronunciationDictionaryLocators = [new("ab")] },
            Base with { Text = "voice-a", VoiceId = "Hello there." },
        ];

        var keys = shifted.Select(r => SpeechCacheKey.From(r)).ToList();

        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    [Fact]
    public void From_SameRequest_GivesStableLowercaseHex()
    {
        var key = SpeechCacheKey.From(Base);

        Assert.Equal(key, SpeechCacheKey.From(Base with { }));
        Assert.Matches("^[0-9a-f]{64}$", key.Value);
        Assert.Equal(key, SpeechCacheKey.Parse(key.Value));
    }

    [Fact]
    public void From_KnownRequest_MatchesPinnedValue()
    {
        // Recomputed independently (a Python re-implementation of the encoding). Changing the encoding changes every
        // key: bump SpeechCacheKey.KeyVersion and update this value together.
        Assert.Equal(1, SpeechCacheKey.KeyVersion);
        Assert.Equal("873a6771196229323fc44ff0848ab5d8aa4ba0dfb53fdafb875b89362c5fd610", SpeechCacheKey.From(Base).Value);
    }

    [Fact]
    public void Parse_NotAKey_Throws()
    {
        Assert.Throws<FormatException>(() => SpeechCacheKey.Parse("ABC"));
        Assert.Throws<FormatException>(() => SpeechCacheKey.Parse(new string('G', 64)));
    }

    // A realtime session only carries the call; it never changes the audio.
    private sealed class NoSession : ISpeechSession
    {
        public string Provider => "none";

        public bool CanServe(SpeechRequest request) => false;

        public Task<SpeechAudio> SynthesizeAsync(SpeechRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
