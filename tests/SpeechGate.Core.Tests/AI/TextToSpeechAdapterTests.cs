using Microsoft.Extensions.AI;
using SpeechGate.Synthesis;
using SpeechGate.Testing;

namespace SpeechGate.Core.Tests.AI;

public class TextToSpeechAdapterTests
{
    [Fact]
    public async Task AsTextToSpeechClient_GetAudio_MapsOptionsAndReturnsAllBytes()
    {
        var provider = new FakeSpeechSynthesizer();
        using var client = provider.AsTextToSpeechClient("default-voice");

        var response = await client.GetAudioAsync("hello", new TextToSpeechOptions { VoiceId = "v2", AudioFormat = "pcm_16000", Speed = 1.1f, ModelId = "eleven_flash_v2_5" });

        var data = Assert.IsType<DataContent>(Assert.Single(response.Contents));
        var sent = Assert.Single(provider.Requests);
        Assert.Equal("v2", sent.VoiceId);
        Assert.Equal("pcm_16000", sent.Format.Name);
        Assert.Equal("eleven_flash_v2_5", sent.ModelId);
        Assert.Equal(1.1, sent.VoiceSettings!.Speed!.Value, 3);
        Assert.Equal("audio/pcm", data.MediaType);
        Assert.Equal(FakeSpeechSynthesizer.ExpectedBytes(sent), data.Data.ToArray());
    }

    [Fact]
    public async Task AsTextToSpeechClient_Streaming_YieldsEachChunk()
    {
        var provider = new FakeSpeechSynthesizer { ChunkCount = 4 };
        using var client = provider.AsTextToSpeechClient("default-voice");

        var updates = new List<TextToSpeechResponseUpdate>();
        await foreach (var update in client.GetStreamingAudioAsync("hi"))
        {
            updates.Add(update);
        }

        Assert.Equal(4, updates.Count(u => u.Kind == TextToSpeechResponseUpdateKind.AudioUpdating));
        Assert.Equal("default-voice", provider.Requests[0].VoiceId);
    }

    [Fact]
    public async Task AsSpeechSynthesizer_RoundTrip_ProducesSameBytesAsProvider()
    {
        var provider = new FakeSpeechSynthesizer();
        var request = new SpeechRequest("round trip", "voice-x");
        var synthesizer = provider.AsTextToSpeechClient("unused").AsSpeechSynthesizer();

        await using var audio = await synthesizer.SynthesizeAsync(request);
        var bytes = await audio.ReadAllBytesAsync();

        Assert.Equal(FakeSpeechSynthesizer.ExpectedBytes(request), bytes);
        Assert.Equal("audio/mpeg", audio.MediaType);
    }
}
