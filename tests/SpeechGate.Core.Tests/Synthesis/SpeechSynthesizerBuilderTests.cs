using SpeechGate.Synthesis;
using SpeechGate.Testing;

namespace SpeechGate.Core.Tests.Synthesis;

public class SpeechSynthesizerBuilderTests
{
    [Fact]
    public async Task Build_FirstUseIsOutermost_StagesRunInRequestOrder()
    {
        var order = new List<string>();
        var builder = new SpeechSynthesizerBuilder(new FakeSpeechSynthesizer())
            .Use(inner => new RecordingStage(inner, "first", order))
            .Use(inner => new RecordingStage(inner, "second", order))
            .Use(inner => new RecordingStage(inner, "third", order));

        await using var audio = await builder.Build().SynthesizeAsync(new SpeechRequest("hi", "v"));

        Assert.Equal(["first", "second", "third"], order);
    }

    [Fact]
    public async Task Build_NoStages_ReturnsProviderAudio()
    {
        var provider = new FakeSpeechSynthesizer();
        var request = new SpeechRequest("hello", "voice1");

        await using var audio = await new SpeechSynthesizerBuilder(provider).Build().SynthesizeAsync(request);
        var bytes = await audio.ReadAllBytesAsync();

        Assert.Equal(FakeSpeechSynthesizer.ExpectedBytes(request), bytes);
        Assert.Equal(1, provider.Calls);
    }

    private sealed class RecordingStage(ISpeechSynthesizer inner, string name, List<string> order) : DelegatingSpeechSynthesizer(inner)
    {
        public override Task<SpeechAudio> SynthesizeAsync(SpeechRequest request, CancellationToken cancellationToken = default)
        {
            order.Add(name);
            return base.SynthesizeAsync(request, cancellationToken);
        }
    }
}
