using System.Text.Json;
using SpeechGate.Audio;
using SpeechGate.Synthesis;
using SpeechGate.Testing.FakeElevenLabs;

namespace SpeechGate.Providers.ElevenLabs;

public sealed class ElevenLabsSpeechSynthesizerTests
{
    private const string Rachel = FakeVoiceCatalog.Rachel;

    [Fact]
    public async Task SynthesizeAsync_StreamableFormat_UsesStreamAndReturnsAudioWithMetadata()
    {
        await using var harness = await ElevenLabsHarness.StartAsync();
        var request = new SpeechRequest("Hello from the fake.", Rachel);

        await using var audio = await harness.Synthesizer.SynthesizeAsync(request);
        var bytes = await audio.ReadAllBytesAsync();

        var record = Assert.Single(harness.Fake.Requests);
        Assert.Equal($"/v1/text-to-speech/{Rachel}/stream", record.Path);
        Assert.Equal("audio/mpeg", audio.MediaType);
        Assert.Equal(ExpectedBytes(harness, request, "eleven_multilingual_v2"), bytes);
        Assert.Equal(record.RequestId, audio.RequestId);
        Assert.Equal(record.HistoryItemId, audio.HistoryItemId);
        Assert.Equal(record.BilledCharacters, audio.BilledCharacters);
        Assert.Equal(request.Text.Length, audio.BilledCharacters);
        Assert.Equal(Rachel, audio.ResolvedVoiceId);
        Assert.Equal(FakeElevenLabsServer.DefaultApiKey, record.ApiKey);
    }

    [Fact]
    public async Task SynthesizeAsync_Wav_UsesConvert()
    {
        await using var harness = await ElevenLabsHarness.StartAsync();
        var request = new SpeechRequest("A wav clip.", Rachel) { Format = AudioFormat.Parse("wav_16000") };

        await using var audio = await harness.Synthesizer.SynthesizeAsync(request);
        var bytes = await audio.ReadAllBytesAsync();

        Assert.Equal($"/v1/text-to-speech/{Rachel}", Assert.Single(harness.Fake.Requests).Path);
        Assert.Equal("audio/wav", audio.MediaType);
        Assert.Equal("RIFF"u8.ToArray(), bytes[..4]);
        Assert.Equal(ExpectedBytes(harness, request, "eleven_multilingual_v2"), bytes);
    }

    [Fact]
    public async Task SynthesizeAsync_StreamWithTimestamps_ParsesNdjsonIntoAlignedChunks()
    {
        await using var harness = await ElevenLabsHarness.StartAsync();
        harness.Fake.Behavior.ChunkSize = 512;
        var request = new SpeechRequest("Timestamps for every character, please.", Rachel) { WithTimestamps = true, Format = AudioFormat.Parse("mp3_22050_32") };

        await using var audio = await harness.Synthesizer.SynthesizeAsync(request);
        var clip = await audio.ReadToEndAsync();

        Assert.Equal($"/v1/text-to-speech/{Rachel}/stream/with-timestamps", Assert.Single(harness.Fake.Requests).Path);
        Assert.Equal("audio/mpeg", audio.MediaType);
        Assert.Equal(ExpectedBytes(harness, request, "eleven_multilingual_v2"), clip.Audio.ToArray());
        AssertAlignedToRequestStart(request.Text, clip.Alignment);
        AssertAlignedToRequestStart(request.Text, clip.NormalizedAlignment);
        Assert.True(harness.Fake.Requests[0].ChunksSent > 1);
    }

    [Fact]
    public async Task SynthesizeAsync_WavWithTimestamps_UsesConvertWithTimestamps()
    {
        await using var harness = await ElevenLabsHarness.StartAsync();
        var request = new SpeechRequest("Whole clip, one JSON.", Rachel) { WithTimestamps = true, Format = AudioFormat.Parse("wav_8000") };

        await using var audio = await harness.Synthesizer.SynthesizeAsync(request);
        var clip = await audio.ReadToEndAsync();

        Assert.Equal($"/v1/text-to-speech/{Rachel}/with-timestamps", Assert.Single(harness.Fake.Requests).Path);
        Assert.Equal("audio/wav", audio.MediaType);
        Assert.Equal(ExpectedBytes(harness, request, "eleven_multilingual_v2"), clip.Audio.ToArray());
        AssertAlignedToRequestStart(request.Text, clip.Alignment);
    }

    [Fact]
    public async Task SynthesizeAsync_MinimalRequest_SendsOnlyTextAndFormat()
    {
        await using var harness = await ElevenLabsHarness.StartAsync();

        await using var audio = await harness.Synthesizer.SynthesizeAsync(new SpeechRequest("Just text.", Rachel) { VoiceSettings = new VoiceSettings() });
        await audio.ReadAllBytesAsync();

        var record = Assert.Single(harness.Fake.Requests);
        Assert.Equal("""{"text":"Just text."}""", record.Body);
        Assert.Equal("?output_format=mp3_44100_128", record.Query);
    }

    [Fact]
    public async Task SynthesizeAsync_EveryField_SentWithWireNamesAndNoNulls()
    {
        await using var harness = await ElevenLabsHarness.StartAsync();
        var request = new SpeechRequest("Every field.", Rachel)
        {
            ModelId = "eleven_flash_v2_5",
            LanguageCode = "en",
            VoiceSettings = new VoiceSettings { Stability = 0.3, Speed = 1.1 },
            PronunciationDictionaryLocators = [new("dict1", "v2"), new("dict2")],
            Seed = 4_294_967_295,
            PreviousText = "Before.",
            NextText = "After.",
            PreviousRequestIds = ["req_a"],
            NextRequestIds = ["req_b", "req_c"],
            UsePvcAsIvc = false,
            ApplyTextNormalization = "off",
            ApplyLanguageTextNormalization = true,
            EnableLogging = false,
            OptimizeStreamingLatency = 2,
            Format = AudioFormat.Parse("pcm_16000"),
        };

        await using var audio = await harness.Synthesizer.SynthesizeAsync(request);
        await audio.ReadAllBytesAsync();

        var record = Assert.Single(harness.Fake.Requests);
        Assert.Equal("?output_format=pcm_16000&enable_logging=false&optimize_streaming_latency=2", record.Query);
        Assert.Equal(
            """{"text":"Every field.","model_id":"eleven_flash_v2_5","language_code":"en","voice_settings":{"stability":0.3,"speed":1.1},"pronunciation_dictionary_locators":[{"pronunciation_dictionary_id":"dict1","version_id":"v2"},{"pronunciation_dictionary_id":"dict2"}],"seed":4294967295,"previous_text":"Before.","next_text":"After.","previous_request_ids":["req_a"],"next_request_ids":["req_b","req_c"],"use_pvc_as_ivc":false,"apply_text_normalization":"off","apply_language_text_normalization":true}""",
            record.Body);
        Assert.Equal("audio/pcm", audio.MediaType);
    }

    [Theory]
    [InlineData("eleven_multilingual_v2", 40)]
    [InlineData("eleven_flash_v2_5", 20)]
    [InlineData("eleven_turbo_v2", 20)]
    public async Task SynthesizeAsync_BilledCharacters_EqualWhatTheFakeBilled(string model, int expected)
    {
        await using var harness = await ElevenLabsHarness.StartAsync();
        var request = new SpeechRequest(new string('a', 40), Rachel) { ModelId = model };

        await using var first = await harness.Synthesizer.SynthesizeAsync(request);
        await first.ReadAllBytesAsync();
        await using var second = await harness.Synthesizer.SynthesizeAsync(request with { Text = "Short one." });
        await second.ReadAllBytesAsync();

        Assert.Equal(expected, first.BilledCharacters);
        Assert.Equal(harness.Fake.BilledCharacters, first.BilledCharacters + second.BilledCharacters);
        Assert.Equal(harness.Fake.Account.CharacterCount, first.BilledCharacters + second.BilledCharacters);
        Assert.Equal((await harness.Client.GetSubscriptionAsync()).CharacterCount, harness.Fake.BilledCharacters);
    }

    [Fact]
    public async Task SynthesizeAsync_SameRequestTwice_SameBytes_DifferentSeed_DifferentBytes()
    {
        await using var harness = await ElevenLabsHarness.StartAsync();
        var request = new SpeechRequest("Deterministic.", Rachel) { Seed = 1 };

        var a = await ReadAsync(harness, request);
        var b = await ReadAsync(harness, request);
        var c = await ReadAsync(harness, request with { Seed = 2 });

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    internal static async Task<byte[]> ReadAsync(ElevenLabsHarness harness, SpeechRequest request)
    {
        await using var audio = await harness.Synthesizer.SynthesizeAsync(request);
        return await audio.ReadAllBytesAsync();
    }

    private static byte[] ExpectedBytes(ElevenLabsHarness harness, SpeechRequest request, string model)
    {
        var settings = request.VoiceSettings is null ? string.Empty : JsonSerializer.Serialize(request.VoiceSettings);
        var identity = new FakeTtsRequest(request.Text, model, request.Format, settings, request.Seed).Identity(request.VoiceId);
        var seconds = Math.Max(0.5, request.Text.Length * harness.Fake.Behavior.SecondsPerCharacter);
        return FakeAudio.Bytes(identity, request.Format, seconds);
    }

    private static void AssertAlignedToRequestStart(string text, CharacterAlignment? alignment)
    {
        Assert.NotNull(alignment);
        Assert.Equal(text, string.Concat(alignment.Characters));
        Assert.Equal(0, alignment.CharacterStartTimesSeconds[0]);
        for (var i = 1; i < alignment.Characters.Count; i++)
        {
            Assert.True(alignment.CharacterStartTimesSeconds[i] >= alignment.CharacterEndTimesSeconds[i - 1] - 1e-9, $"char {i} starts before the previous ends");
            Assert.True(alignment.CharacterEndTimesSeconds[i] > alignment.CharacterStartTimesSeconds[i]);
        }
    }
}
