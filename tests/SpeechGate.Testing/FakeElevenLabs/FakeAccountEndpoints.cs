using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SpeechGate.Models;

namespace SpeechGate.Testing.FakeElevenLabs;

/// <summary>Models, user, subscription and history.</summary>
internal sealed class FakeAccountEndpoints(FakeElevenLabsServer server)
{
    public static Task ModelsAsync(HttpContext context, FakeElevenLabsRequest record)
        => FakeElevenLabsServer.WriteJsonAsync(context, new JsonArray([.. KnownModels.All.Select(m => (JsonNode)FakeJson.Model(m))]));

    public Task SubscriptionAsync(HttpContext context, FakeElevenLabsRequest record)
        => FakeElevenLabsServer.WriteJsonAsync(context, FakeJson.Subscription(server.Account));

    public Task UserAsync(HttpContext context, FakeElevenLabsRequest record)
        => FakeElevenLabsServer.WriteJsonAsync(context, new JsonObject
        {
            ["user_id"] = "user_fake_0001",
            ["subscription"] = FakeJson.Subscription(server.Account),
            ["is_new_user"] = false,
            ["can_use_delayed_payment_methods"] = false,
            ["is_onboarding_completed"] = true,
            ["is_onboarding_checklist_completed"] = true,
            ["first_name"] = "Fake",
            ["xi_api_key_preview"] = "sk_f****cdef",
            ["created_at"] = 1_690_000_000,
            ["seat_type"] = "workspace_admin",
        });

    public Task HistoryAsync(HttpContext context, FakeElevenLabsRequest record)
    {
        var items = server.Account.History.Values.OrderByDescending(h => h.HistoryItemId, StringComparer.Ordinal).ToList();
        return FakeElevenLabsServer.WriteJsonAsync(context, new JsonObject
        {
            ["history"] = new JsonArray([.. items.Select(i => (JsonNode)Item(i))]),
            ["last_history_item_id"] = items.LastOrDefault()?.HistoryItemId,
            ["has_more"] = false,
        });
    }

    public Task HistoryItemAsync(HttpContext context, FakeElevenLabsRequest record)
    {
        var id = (string)context.Request.RouteValues["history_item_id"]!;
        return server.Account.History.TryGetValue(id, out var item)
            ? FakeElevenLabsServer.WriteJsonAsync(context, Item(item))
            : server.WriteErrorAsync(context, new FakeError(404, "history_item_not_found", $"History item {id} was not found.") { Type = "not_found" }, record);
    }

    /// <summary><c>GET /v1/history/{id}/audio</c>: the generation's audio again, free of charge.</summary>
    /// <remarks>UNVERIFIED: the spec declares audio/mpeg; the fake serves the bytes and type the generation had.</remarks>
    public async Task HistoryAudioAsync(HttpContext context, FakeElevenLabsRequest record)
    {
        var id = (string)context.Request.RouteValues["history_item_id"]!;
        if (!server.Account.History.TryGetValue(id, out var item) || item.AudioIdentity is null)
        {
            await server.WriteErrorAsync(context, new FakeError(404, "history_item_not_found", $"History item {id} was not found.") { Type = "not_found" }, record).ConfigureAwait(false);
            return;
        }

        var format = Audio.AudioFormat.Parse(item.OutputFormat);
        var bytes = FakeAudio.Bytes(item.AudioIdentity, format, item.Seconds);
        context.Response.ContentType = format.MediaType;
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
    }

    private static JsonObject Item(FakeHistoryItem item) => new()
    {
        ["history_item_id"] = item.HistoryItemId,
        ["request_id"] = item.RequestId,
        ["voice_id"] = item.VoiceId,
        ["model_id"] = item.ModelId,
        ["text"] = item.Text,
        ["date_unix"] = 1_700_000_000,
        ["character_count_change_from"] = item.CharacterCountChangeFrom,
        ["character_count_change_to"] = item.CharacterCountChangeTo,
        ["content_type"] = "audio/mpeg",
        ["state"] = "created",
        ["source"] = "TTS",
        ["output_format"] = item.OutputFormat,
    };
}
