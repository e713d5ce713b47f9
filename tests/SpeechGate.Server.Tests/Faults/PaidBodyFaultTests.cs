using System.Globalization;
using SpeechGate.Server.Tests.Endpoints;
using SpeechGate.Server.Tests.Pipeline;
using SpeechGate.Testing.FakeElevenLabs;

namespace SpeechGate.Server.Tests.Faults;

/// <summary>
/// Issue 11, findings 1–2: a 200 from upstream is billed, so the gateway never sends the request again; a broken paid
/// body is recovered from History (free), else answered with a status the SDKs do not retry and ledgered as paid.
/// </summary>
public sealed class PaidBodyFaultTests
{
    private const string Text = "This paid answer breaks on its way to the gateway, and must not be bought twice.";

    [Theory]
    [InlineData("/stream", 0)]
    [InlineData("/stream", 2048)]
    [InlineData("", 0)]
    [InlineData("", 2048)]
    public async Task PaidAudioBodyBreaks_RecoveredFromHistory_ClientGetsTheWholeClipBilledOnce(string route, int bytesBeforeReset)
    {
        await using var pipeline = await PipelineGateway.StartAsync();
        pipeline.Upstream.Behavior.ChunkSize = 1024;
        await FaultGateway.SetBudgetAsync(pipeline, 1000);
        pipeline.Upstream.Enqueue(FakeFault.ResetAfterBytes(bytesBeforeReset));

        var answer = await SdkClient.SendAsync(pipeline.Client, () => FaultGateway.Tagged(FaultGateway.Tts(route, Text)));
        await pipeline.WaitForEntriesAsync(1);
        using var repeat = await pipeline.Client.SendAsync(FaultGateway.Tagged(FaultGateway.Tts(route, Text)));
        var repeated = await repeat.Content.ReadAsByteArrayAsync();

        var tts = Assert.Single(pipeline.UpstreamTts);
        Assert.True(tts.Aborted);
        Assert.Equal(Text.Length, pipeline.Upstream.BilledCharacters);
        Assert.Single(pipeline.Upstream.Requests, r => r.Path == $"/v1/history/{tts.HistoryItemId}/audio");
        Assert.Equal((200, 1), (answer.Status, answer.Attempts));
        Assert.Equal(FaultGateway.UpstreamClip(pipeline, tts), answer.Body);
        Assert.Equal(Text.Length, await FaultGateway.LedgerSpentAsync(pipeline));
        Assert.Equal((Text.Length, 0L), await FaultGateway.BudgetAsync(pipeline));
        Assert.Equal(1, await FaultGateway.CacheEntriesAsync(pipeline));
        Assert.Equal("hit", TextToSpeechEndpointsTests.Header(repeat, "x-speechgate-cache"));
        Assert.Equal(answer.Body, repeated);
    }

    [Theory]
    [InlineData("/with-timestamps", 100)]
    [InlineData("/stream/with-timestamps", 0)]
    public async Task PaidTimestampsBodyBreaks_AnsweredOnceWithANonRetriedStatus_LedgeredAsPaid(string route, int bytesBeforeReset)
    {
        await using var pipeline = await PipelineGateway.StartAsync();
        await FaultGateway.SetBudgetAsync(pipeline, 1000);
        pipeline.Upstream.Enqueue(FakeFault.ResetAfterBytes(bytesBeforeReset));

        var answer = await SdkClient.SendAsync(pipeline.Client, () => FaultGateway.Tagged(FaultGateway.Tts(route, Text)));

        // History has no alignment, so a timestamped clip cannot be rebuilt: a clear error the SDKs do not retry.
        Assert.Single(pipeline.UpstreamTts);
        Assert.Equal(Text.Length, pipeline.Upstream.BilledCharacters);
        Assert.Equal((424, 1), (answer.Status, answer.Attempts));
        Assert.Contains("stream_interrupted", answer.Text, StringComparison.Ordinal);
        Assert.Equal(Text.Length, await FaultGateway.LedgerSpentAsync(pipeline));
        Assert.Equal((Text.Length, 0L), await FaultGateway.BudgetAsync(pipeline));
        Assert.Equal(0, await FaultGateway.CacheEntriesAsync(pipeline));
    }

    [Fact]
    public async Task PaidBodyBreaksWithZeroRetention_NoHistoryToRecoverFrom_ClearErrorLedgeredAsPaid()
    {
        await using var pipeline = await PipelineGateway.StartAsync();
        await FaultGateway.SetBudgetAsync(pipeline, 1000);
        pipeline.Upstream.Enqueue(FakeFault.ResetAfterBytes(0));

        var answer = await SdkClient.SendAsync(pipeline.Client, () => FaultGateway.Tagged(FaultGateway.Tts("/stream", Text, "?enable_logging=false")));

        Assert.Single(pipeline.UpstreamTts);
        Assert.Equal(Text.Length, pipeline.Upstream.BilledCharacters);
        Assert.Equal((424, 1), (answer.Status, answer.Attempts));
        Assert.Contains("billed", answer.Text, StringComparison.Ordinal);
        Assert.Equal(Text.Length, await FaultGateway.LedgerSpentAsync(pipeline));
        Assert.Equal((Text.Length, 0L), await FaultGateway.BudgetAsync(pipeline));
        Assert.Equal(0, await FaultGateway.CacheEntriesAsync(pipeline));
    }

    [Fact]
    public async Task UpstreamFailsBeforeAnyAnswer_ProviderRetriesUnbilledCalls_ClientBilledOnce()
    {
        await using var pipeline = await PipelineGateway.StartAsync(new Dictionary<string, string?> { ["Providers:ElevenLabs:MaxRetries"] = "2" });
        await FaultGateway.SetBudgetAsync(pipeline, 1000);
        pipeline.Upstream.Enqueue(FakeFault.ServerError());
        pipeline.Upstream.Enqueue(FakeFault.ResetBeforeResponse());

        var answer = await SdkClient.SendAsync(pipeline.Client, () => FaultGateway.Tagged(FaultGateway.Tts("/stream", Text)));
        await pipeline.WaitForEntriesAsync(1);

        Assert.Equal(3, pipeline.UpstreamTts.Count);
        Assert.Equal(1, pipeline.UpstreamTtsCalls);
        Assert.Equal(Text.Length, pipeline.Upstream.BilledCharacters);
        Assert.Equal((200, 1), (answer.Status, answer.Attempts));
        Assert.Equal(FaultGateway.UpstreamClip(pipeline, pipeline.UpstreamTts[^1]), answer.Body);
        Assert.Equal(Text.Length, await FaultGateway.LedgerSpentAsync(pipeline));
        Assert.Equal((Text.Length, 0L), await FaultGateway.BudgetAsync(pipeline));
        Assert.Equal(1, await FaultGateway.CacheEntriesAsync(pipeline));
        Assert.Equal(Text.Length.ToString(CultureInfo.InvariantCulture), pipeline.Upstream.Account.CharacterCount.ToString(CultureInfo.InvariantCulture));
    }
}
