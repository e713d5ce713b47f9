using System.Net;
using System.Text.Json;
using SpeechGate.Models;
using SpeechGate.Server.Tests.Fakes;

namespace SpeechGate.Server.Tests.Endpoints;

public sealed class CatalogEndpointsTests
{
    [Fact]
    public async Task Voices_V1_ListsEveryVoiceWithTheRequiredFields()
    {
        await using var gateway = await TestGateway.StartAsync();

        using var json = await GetJsonAsync(gateway, "/v1/voices");

        var voices = json.RootElement.GetProperty("voices");
        Assert.Equal(2, voices.GetArrayLength());
        foreach (var field in new[] { "voice_id", "name", "category", "labels", "available_for_tiers", "high_quality_base_model_ids" })
        {
            Assert.True(voices[0].TryGetProperty(field, out _), field);
        }

        Assert.Equal("american", voices[0].GetProperty("labels").GetProperty("accent").GetString());
    }

    [Fact]
    public async Task Voices_V2_PagesWithAToken()
    {
        await using var gateway = await TestGateway.StartAsync();

        using var first = await GetJsonAsync(gateway, "/v2/voices?page_size=1&sort=name");
        var token = first.RootElement.GetProperty("next_page_token").GetString();
        using var second = await GetJsonAsync(gateway, $"/v2/voices?page_size=1&sort=name&next_page_token={token}");

        Assert.Equal("Alice", first.RootElement.GetProperty("voices")[0].GetProperty("name").GetString());
        Assert.True(first.RootElement.GetProperty("has_more").GetBoolean());
        Assert.Equal(2, first.RootElement.GetProperty("total_count").GetInt32());
        Assert.Equal("Bob", second.RootElement.GetProperty("voices")[0].GetProperty("name").GetString());
        Assert.False(second.RootElement.GetProperty("has_more").GetBoolean());
        Assert.Equal(JsonValueKind.Null, second.RootElement.GetProperty("next_page_token").ValueKind);
    }

    [Fact]
    public async Task Voices_V2_SearchFilters()
    {
        await using var gateway = await TestGateway.StartAsync();

        using var json = await GetJsonAsync(gateway, "/v2/voices?search=bo");

        Assert.Equal("voice2", Assert.Single(json.RootElement.GetProperty("voices").EnumerateArray()).GetProperty("voice_id").GetString());
    }

    [Fact]
    public async Task Voice_ById_ReturnsItOr404()
    {
        await using var gateway = await TestGateway.StartAsync();

        using var found = await GetJsonAsync(gateway, "/v1/voices/voice2");
        using var missing = await gateway.Client.GetAsync("/v1/voices/nobody");

        Assert.Equal("Bob", found.RootElement.GetProperty("name").GetString());
        await MalformedInputTests.AssertDetailAsync(missing, 404, "voice_not_found");
    }

    [Fact]
    public async Task Models_ReturnsAnArrayFromKnownModels()
    {
        await using var gateway = await TestGateway.StartAsync();

        using var json = await GetJsonAsync(gateway, "/v1/models");

        Assert.Equal(KnownModels.All.Count, json.RootElement.GetArrayLength());
        var flash = json.RootElement.EnumerateArray().Single(m => m.GetProperty("model_id").GetString() == "eleven_flash_v2_5");
        Assert.Equal(0.5, flash.GetProperty("model_rates").GetProperty("character_cost_multiplier").GetDouble());
        Assert.Equal(40_000, flash.GetProperty("maximum_text_length_per_request").GetInt32());
        Assert.Equal("English", flash.GetProperty("languages")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task User_AndSubscription_CarryEveryFieldTheJsSdkRequires()
    {
        await using var gateway = await TestGateway.StartAsync();

        using var user = await GetJsonAsync(gateway, "/v1/user");
        using var subscription = await GetJsonAsync(gateway, "/v1/user/subscription");

        foreach (var field in new[] { "user_id", "workspace_id", "subscription", "is_new_user", "can_use_delayed_payment_methods", "is_onboarding_completed", "is_onboarding_checklist_completed", "created_at", "seat_type" })
        {
            Assert.True(user.RootElement.TryGetProperty(field, out _), field);
        }

        foreach (var field in new[] { "tier", "character_count", "character_limit", "max_credit_limit_extension", "can_extend_character_limit", "allowed_to_extend_character_limit", "voice_slots_used", "professional_voice_slots_used", "professional_voice_slots_used_in_workspace", "voice_limit", "voice_add_edit_counter", "professional_voice_limit", "can_extend_voice_limit", "can_use_instant_voice_cloning", "can_use_professional_voice_cloning", "current_overage", "status", "open_invoices", "has_open_invoices" })
        {
            Assert.True(subscription.RootElement.TryGetProperty(field, out _), field);
        }
    }

    private static async Task<JsonDocument> GetJsonAsync(TestGateway gateway, string path)
    {
        using var response = await gateway.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}
