using SpeechGate.Audio;
using SpeechGate.Synthesis;
using SpeechGate.Testing.FakeElevenLabs;

namespace SpeechGate.Providers.ElevenLabs;

public sealed class ElevenLabsRetryTests
{
    private const string Rachel = FakeVoiceCatalog.Rachel;

    [Fact]
    public async Task SynthesizeAsync_ServerErrorThenSuccess_RetriesAndBillsOnce()
    {
        await using var harness = await ElevenLabsHarness.StartAsync();
        harness.Fake.Enqueue(FakeFault.ServerError());

        var bytes = await ElevenLabsSpeechSynthesizerTests.ReadAsync(harness, new SpeechRequest("Retry me.", Rachel));

        Assert.NotEmpty(bytes);
        Assert.Equal([500, 200], harness.Fake.Requests.Select(r => r.StatusCode));
        Assert.Equal(9, harness.Fake.BilledCharacters);
    }

    [Fact]
    public async Task SynthesizeAsync_ServerErrorEveryTime_GivesUpAfterMaxRetries()
    {
        await using var harness = await ElevenLabsHarness.StartAsync();
        for (var i = 0; i < 3; i++)
        {
            harness.Fake.Enqueue(FakeFault.ServerError());
        }

        var error = await Assert.ThrowsAsync<ElevenLabsException>(() => harness.Synthesizer.SynthesizeAsync(new SpeechRequest("Retry me.", Rachel)));

        Assert.Equal(500, error.StatusCode);
        Assert.Equal(3, harness.Fake.Requests.Count);
    }

    // Whether ElevenLabs sends retry-after(-ms) is UNVERIFIED (elevenlabs-api.md §9); the official SDKs honour both, so do we.
    [Fact]
    public async Task SynthesizeAsync_429WithRetryAfterMs_WaitsThatLongThenRetries()
    {
        await using var harness = await ElevenLabsHarness.StartAsync();
        harness.Fake.Enqueue(FakeFault.SystemBusy(TimeSpan.FromMilliseconds(150), inMilliseconds: true));

        var bytes = await ElevenLabsSpeechSynthesizerTests.ReadAsync(harness, new SpeechRequest("Busy.", Rachel));

        Assert.NotEmpty(bytes);
        Assert.Equal([429, 200], harness.Fake.Requests.Select(r => r.StatusCode));
        Assert.Contains(TimeSpan.FromMilliseconds(150), harness.Time.Delays);
    }

    [Fact]
    public async Task SynthesizeAsync_429WithRetryAfterSeconds_WaitsThatLongThenRetries()
    {
        await using var harness = await ElevenLabsHarness.StartAsync();
        harness.Time.Instant = true;
        harness.Fake.Enqueue(FakeFault.SystemBusy(TimeSpan.FromSeconds(3)));

        var bytes = await ElevenLabsSpeechSynthesizerTests.ReadAsync(harness, new SpeechRequest("Busy.", Rachel));

        Assert.NotEmpty(bytes);
        Assert.Equal([429, 200], harness.Fake.Requests.Select(r => r.StatusCode));
        Assert.Contains(TimeSpan.FromSeconds(3), harness.Time.Delays);
    }

    [Fact]
    public async Task SynthesizeAsync_RetryAfterAboveCap_WaitsOnlyTheCap()
    {
        await using var harness = await ElevenLabsHarness.StartAsync();
        harness.Time.Instant = true;
        harness.Fake.Enqueue(FakeFault.SystemBusy(TimeSpan.FromSeconds(3600)));

        await ElevenLabsSpeechSynthesizerTests.ReadAsync(harness, new SpeechRequest("Busy.", Rachel));

        Assert.Contains(TimeSpan.FromSeconds(10), harness.Time.Delays);
        Assert.DoesNotContain(TimeSpan.FromSeconds(3600), harness.Time.Delays);
    }

    [Fact]
    public async Task SynthesizeAsync_ResetBeforeAnyByte_IsRetried()
    {
        await using var harness = await ElevenLabsHarness.StartAsync();
        harness.Fake.Enqueue(FakeFault.ResetBeforeResponse());

        var bytes = await ElevenLabsSpeechSynthesizerTests.ReadAsync(harness, new SpeechRequest("Reset early.", Rachel));

        Assert.NotEmpty(bytes);
        Assert.Equal(2, harness.Fake.Requests.Count);
        Assert.True(harness.Fake.Requests[0].Aborted);
    }

    [Fact]
    public async Task SynthesizeAsync_ResetAfterAudioReachedCaller_RestComesFromHistoryWithoutPayingAgain()
    {
        await using var harness = await ElevenLabsHarness.StartAsync();
        harness.Fake.Behavior.ChunkSize = 1024;
        var firstChunkSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Fake.Enqueue(FakeFault.ResetAfterBytes(3000, firstChunkSeen.Task));
        var received = new List<byte>();

        await using var audio = await harness.Synthesizer.SynthesizeAsync(new SpeechRequest(new string('a', 200), Rachel));
        await foreach (var chunk in audio.Chunks)
        {
            received.AddRange(chunk.Audio.ToArray());
            firstChunkSeen.TrySetResult();
        }

        var item = harness.Fake.Account.History[audio.HistoryItemId!];
        Assert.Equal(FakeAudio.Bytes(item.AudioIdentity!, AudioFormat.Parse(item.OutputFormat), item.Seconds), received);
        Assert.Equal(["/v1/text-to-speech/" + Rachel + "/stream", $"/v1/history/{audio.HistoryItemId}/audio"], harness.Fake.Requests.Select(r => r.Path));
        Assert.True(harness.Fake.Requests[0].Aborted);
        Assert.Equal(200, harness.Fake.BilledCharacters);
    }

    [Fact]
    public async Task SynthesizeAsync_ResetAfterAudioReachedCallerWithZeroRetention_IsNotRetriedAndSaysSo()
    {
        await using var harness = await ElevenLabsHarness.StartAsync();
        harness.Fake.Behavior.ChunkSize = 1024;
        var firstChunkSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Fake.Enqueue(FakeFault.ResetAfterBytes(3000, firstChunkSeen.Task));
        var received = 0;

        await using var audio = await harness.Synthesizer.SynthesizeAsync(new SpeechRequest(new string('a', 200), Rachel) { EnableLogging = false });
        var error = await Assert.ThrowsAsync<ElevenLabsException>(async () =>
        {
            await foreach (var chunk in audio.Chunks)
            {
                received += chunk.Audio.Length;
                firstChunkSeen.TrySetResult();
            }

            Assert.Fail($"no error after {received} bytes; fake: {string.Join(",", harness.Fake.Requests.Select(r => $"{r.Path} {r.StatusCode} {r.AudioBytesSent} {r.Aborted}"))}");
        });

        Assert.True(error.AfterAudioStarted);
        Assert.False(error.IsTransient);
        Assert.Equal((502, "stream_interrupted"), (error.StatusCode, error.Status));
        Assert.Equal(audio.RequestId, error.RequestId);
        Assert.Equal(200, error.BilledCredits);
        Assert.InRange(received, 1, 3000);
        Assert.Single(harness.Fake.Requests, r => r.Path.StartsWith("/v1/text-to-speech/", StringComparison.Ordinal));
        Assert.Equal(200, harness.Fake.BilledCharacters);
    }

    [Fact]
    public async Task SynthesizeAsync_ClientErrors_AreNotRetried()
    {
        await using var harness = await ElevenLabsHarness.StartAsync();

        await Assert.ThrowsAsync<ElevenLabsException>(() => harness.Synthesizer.SynthesizeAsync(new SpeechRequest("Hi.", "missing_voice")));
        await Assert.ThrowsAsync<ElevenLabsException>(() => harness.Synthesizer.SynthesizeAsync(new SpeechRequest("Hi.", Rachel) { Format = AudioFormat.Parse("wav_44100") }));

        Assert.Equal([404, 403], harness.Fake.Requests.Select(r => r.StatusCode));
    }

    [Fact]
    public async Task SynthesizeAsync_NothingListening_ThrowsUpstreamUnreachable()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        await using var harness = await ElevenLabsHarness.StartAsync(s => s["ELEVENLABS_BASE_URL"] = $"http://127.0.0.1:{port}/");

        var error = await Assert.ThrowsAsync<ElevenLabsException>(() => harness.Synthesizer.SynthesizeAsync(new SpeechRequest("Hi.", Rachel)));
        var clientError = await Assert.ThrowsAsync<ElevenLabsException>(() => harness.Client.GetUserAsync());

        Assert.Equal((502, "upstream_unreachable", false), (error.StatusCode, error.Status, error.AfterAudioStarted));
        Assert.IsType<HttpRequestException>(error.InnerException);
        Assert.Equal("upstream_unreachable", clientError.Status);
    }

    [Fact]
    public async Task ClientCalls_ServerErrorThenSuccess_AreRetried()
    {
        await using var harness = await ElevenLabsHarness.StartAsync();
        harness.Fake.Enqueue(FakeFault.ServerError() with { PathPrefix = "/v1/models" });

        var models = await harness.Client.GetModelsAsync();

        Assert.NotEmpty(models);
        Assert.Equal([500, 200], harness.Fake.Requests.Select(r => r.StatusCode));
    }
}
