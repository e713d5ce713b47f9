using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SpeechGate.Budgeting;
using SpeechGate.Server.Tests.Pipeline;
using SpeechGate.Server.Tests.WebSockets;
using SpeechGate.Testing.FakeElevenLabs;

namespace SpeechGate.Server.Tests.Faults;

/// <summary>
/// Issue 11, finding 7: stream-input errors arrive as ElevenLabs' error message and a 1008 close while the client is
/// still sending (never a bare 1006, never only after end-of-input); nothing is billed.
/// </summary>
public sealed class StreamInputFaultTests
{
    [Fact]
    public async Task UnknownVoice_ErrorMessageThen1008_BeforeEndOfInput()
    {
        await using var pipeline = await PipelineGateway.StartAsync();
        using var socket = await ConnectAsync(pipeline, "doesNotExist123", "?model_id=eleven_flash_v2_5");

        await StreamInputTests.SendAsync(socket, """{"text":" "}""");
        await StreamInputTests.SendAsync(socket, """{"text":"Nobody has this voice. ","flush":true}""");
        var messages = await StreamInputTests.ReceiveUntilCloseAsync(socket);

        await AssertRefusedAsync(pipeline, socket, messages, "voice_not_found");
    }

    [Fact]
    public async Task TextOverTheModelLimit_ErrorMessageThen1008_BeforeEndOfInput()
    {
        await using var pipeline = await PipelineGateway.StartAsync();
        using var socket = await ConnectAsync(pipeline, FakeVoiceCatalog.George, "?model_id=eleven_v3");

        await StreamInputTests.SendAsync(socket, """{"text":" "}""");
        await StreamInputTests.SendAsync(socket, JsonSerializer.Serialize(new { text = new string('a', 5_001) + " ", flush = true }));
        var messages = await StreamInputTests.ReceiveUntilCloseAsync(socket);

        await AssertRefusedAsync(pipeline, socket, messages, "max_character_limit_exceeded");
    }

    [Fact]
    public async Task InactivityTimeout_ErrorMessageThen1008()
    {
        await using var pipeline = await PipelineGateway.StartAsync();
        using var socket = await ConnectAsync(pipeline, FakeVoiceCatalog.George, "?inactivity_timeout=1");

        await StreamInputTests.SendAsync(socket, """{"text":" "}""");
        var messages = await StreamInputTests.ReceiveUntilCloseAsync(socket);

        await AssertRefusedAsync(pipeline, socket, messages, "input_timeout_exceeded");
    }

    [Fact]
    public async Task BudgetRefusal_ErrorMessageThen1008_BeforeEndOfInput()
    {
        await using var pipeline = await PipelineGateway.StartAsync();
        var key = await pipeline.Gateway.Keys.CreateAsync("ws");
        await pipeline.Gateway.App.Services.GetRequiredService<IBudgetStore>().SetAsync(new Budget(BudgetScope.Key, key.Key.Id, BudgetPeriod.Month, 5, BudgetMode.Hard));
        using var socket = await ConnectAsync(pipeline, FakeVoiceCatalog.George, "");

        await StreamInputTests.SendAsync(socket, $$"""{"text":" ","xi_api_key":"{{key.Secret}}"}""");
        await StreamInputTests.SendAsync(socket, """{"text":"This costs more than five credits. ","flush":true}""");
        var messages = await StreamInputTests.ReceiveUntilCloseAsync(socket);

        await AssertRefusedAsync(pipeline, socket, messages, "budget_exceeded");
        var budget = (await pipeline.Gateway.App.Services.GetRequiredService<IBudgetStore>().ListAsync()).Single();
        Assert.Equal((0L, 0L), (budget.SpentCredits, budget.ReservedCredits));
    }

    private static async Task AssertRefusedAsync(PipelineGateway pipeline, ClientWebSocket socket, JsonElement[] messages, string error)
    {
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, socket.CloseStatus);
        var message = Assert.Single(messages);
        Assert.Equal(error, message.GetProperty("error").GetString());
        Assert.Equal(1008, message.GetProperty("code").GetInt32());
        Assert.False(string.IsNullOrEmpty(message.GetProperty("message").GetString()));
        Assert.Equal(0, pipeline.Upstream.BilledCharacters);
        Assert.Equal(0, await FaultGateway.LedgerSpentInProcessAsync(pipeline));
        Assert.Equal(0, await FaultGateway.CacheEntriesAsync(pipeline));
    }

    private static async Task<ClientWebSocket> ConnectAsync(PipelineGateway pipeline, string voice, string query)
    {
        var socket = new ClientWebSocket();
        var uri = new UriBuilder(pipeline.Gateway.BaseAddress) { Scheme = "ws", Path = $"/v1/text-to-speech/{voice}/stream-input", Query = query.TrimStart('?') }.Uri;
        await socket.ConnectAsync(uri, CancellationToken.None);
        return socket;
    }
}
