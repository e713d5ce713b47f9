using System.Net;
using System.Text.Json;
using SpeechGate.Providers.Local;
using SpeechGate.Server.Tests.Fakes;

namespace SpeechGate.Server.Tests.Endpoints;

public sealed class VoiceSettingsEndpointsTests
{
    [Fact]
    public async Task DefaultSettings_AnswersTheApiDefaultsWithEveryField()
    {
        await using var gateway = await TestGateway.StartAsync();

        using var json = JsonDocument.Parse(await gateway.Client.GetStringAsync("/v1/voices/settings/default"));

        var settings = json.RootElement;
        Assert.Equal(0.5, settings.GetProperty("stability").GetDouble());
        Assert.Equal(0.75, settings.GetProperty("similarity_boost").GetDouble());
        Assert.Equal(0.0, settings.GetProperty("style").GetDouble());
        Assert.True(settings.GetProperty("use_speaker_boost").GetBoolean());
        Assert.Equal(1.0, settings.GetProperty("speed").GetDouble());
    }

    [Fact]
    public async Task VoiceSettings_KnownLocalVoice_AnswersItsSettings_UnknownIs404()
    {
        await using var gateway = await LocalEngineGateway.StartAsync();
        using var client = new HttpClient { BaseAddress = gateway.BaseAddress };

        using var known = await client.GetAsync($"/v1/voices/{LocalVoices.DefaultVoiceId}/settings");
        using var unknown = await client.GetAsync("/v1/voices/NoSuchVoice000000000/settings");

        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
        using var json = JsonDocument.Parse(await known.Content.ReadAsStringAsync());
        Assert.Equal(0.75, json.RootElement.GetProperty("similarity_boost").GetDouble());
        await MalformedInputTests.AssertDetailAsync(unknown, 404, "voice_not_found");
    }

    [Fact]
    public async Task VoiceSettings_KeysExist_NeedsAKey()
    {
        await using var gateway = await TestGateway.StartAsync();
        await gateway.Keys.CreateAsync("settings");

        using var response = await gateway.Client.GetAsync("/v1/voices/settings/default");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
