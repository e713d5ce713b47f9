using SpeechGate.Providers.ElevenLabs.Wire;
using SpeechGate.Synthesis;
using SpeechGate.Testing.FakeElevenLabs;

namespace SpeechGate.Providers.ElevenLabs;

public sealed class ElevenLabsClientTests
{
    [Fact]
    public async Task ListVoicesAsync_V1_ReturnsEveryVoice()
    {
        await using var harness = await ElevenLabsHarness.StartAsync();

        var voices = await harness.Client.ListVoicesAsync(showLegacy: true);

        Assert.Equal(3, voices.Count);
        var rachel = Assert.Single(voices, v => v.VoiceId == FakeVoiceCatalog.Rachel);
        Assert.Equal(("Rachel", "premade", "female"), (rachel.Name, rachel.Category, rachel.Labels!["gender"]));
        Assert.Equal(0.75, rachel.Settings!.SimilarityBoost);
        Assert.Equal("/v1/voices", harness.Fake.Requests[0].Path);
        Assert.Equal("?show_legacy=true", harness.Fake.Requests[0].Query);
    }

    [Fact]
    public async Task SearchVoicesAsync_V2_PagesWithNextPageToken()
    {
        await using var harness = await ElevenLabsHarness.StartAsync();

        var first = await harness.Client.SearchVoicesAsync(new ElevenLabsVoiceSearch { PageSize = 2, IncludeTotalCount = true });
        var second = await harness.Client.SearchVoicesAsync(new ElevenLabsVoiceSearch { PageSize = 2, NextPageToken = first.NextPageToken });

        Assert.Equal((2, true, 3), (first.Voices.Count, first.HasMore, first.TotalCount));
        Assert.Equal((1, false), (second.Voices.Count, second.HasMore));
        Assert.Equal(3, first.Voices.Concat(second.Voices).Select(v => v.VoiceId).Distinct().Count());
        Assert.Equal("?page_size=2&include_total_count=true", harness.Fake.Requests[0].Query);
    }

    [Fact]
    public async Task VoiceDirectory_ListVoicesAsync_ReadsEveryPage()
    {
        await using var harness = await ElevenLabsHarness.StartAsync();
        for (var i = 0; i < 120; i++)
        {
            harness.Fake.Account.Voices[$"v{i:D3}"] = new FakeVoice($"v{i:D3}", $"Voice {i}", "cloned");
        }

        var voices = await harness.Directory.ListVoicesAsync();

        Assert.Equal(123, voices.Count);
        Assert.All(voices, v => Assert.Equal("elevenlabs", v.Provider));
        Assert.Equal(2, harness.Fake.Requests.Count(r => r.Path == "/v2/voices"));
    }

    [Fact]
    public async Task DeleteVoiceAsync_RemovedVoice_IsGoneEverywhere()
    {
        await using var harness = await ElevenLabsHarness.StartAsync();

        await harness.Client.DeleteVoiceAsync(FakeVoiceCatalog.George);

        var get = await Assert.ThrowsAsync<ElevenLabsException>(() => harness.Client.GetVoiceAsync(FakeVoiceCatalog.George));
        Assert.Equal((404, "voice_not_found"), (get.StatusCode, get.Status));
        Assert.Null(await harness.Directory.GetVoiceAsync(FakeVoiceCatalog.George));
        var tts = await Assert.ThrowsAsync<ElevenLabsException>(() => harness.Synthesizer.SynthesizeAsync(new SpeechRequest("Hi.", FakeVoiceCatalog.George)));
        Assert.Equal("voice_not_found", tts.Status);
    }

    [Fact]
    public async Task AddSharedVoiceAsync_LibraryVoice_GetsAStableIdThatSpeaks_AndTwiceIsVoiceAlreadyCloned()
    {
        await using var harness = await ElevenLabsHarness.StartAsync();
        var library = await harness.Client.SearchSharedVoicesAsync(new ElevenLabsSharedVoiceSearch { Search = "narrator", PageSize = 10 });
        var shared = Assert.Single(library.Voices);

        var voiceId = await harness.Client.AddSharedVoiceAsync(shared.PublicOwnerId, shared.VoiceId, "My Narrator");
        var again = await Assert.ThrowsAsync<ElevenLabsException>(() => harness.Client.AddSharedVoiceAsync(shared.PublicOwnerId, shared.VoiceId, "Again"));

        Assert.Equal("?page_size=10&search=narrator", harness.Fake.Requests[0].Query);
        Assert.Equal("""{"new_name":"My Narrator","bookmarked":true}""", harness.Fake.Requests[1].Body);
        Assert.Equal($"/v1/voices/add/{shared.PublicOwnerId}/{shared.VoiceId}", harness.Fake.Requests[1].Path);
        Assert.Equal((400, "voice_already_cloned"), (again.StatusCode, again.Status));
        var voice = await harness.Directory.GetVoiceAsync(voiceId);
        Assert.Equal(("My Narrator", shared.PublicOwnerId), (voice!.Name, voice.PublicOwnerId));
        Assert.NotEmpty(await ElevenLabsSpeechSynthesizerTests.ReadAsync(harness, new SpeechRequest("Stable id.", voiceId)));
    }

    [Fact]
    public async Task DesignVoiceAsync_ThenCreateVoiceAsync_AddsAGeneratedVoice()
    {
        await using var harness = await ElevenLabsHarness.StartAsync();

        var design = await harness.Client.DesignVoiceAsync(new ElevenLabsVoiceDesignRequest("A calm old sailor.") { OutputFormat = "mp3_22050_32", Seed = 7 });
        var preview = design.Previews[0];
        var voice = await harness.Client.CreateVoiceAsync(new ElevenLabsCreateVoiceRequest("Sailor", "A calm old sailor.", preview.GeneratedVoiceId));

        Assert.Equal(3, design.Previews.Count);
        Assert.NotEmpty(Convert.FromBase64String(preview.AudioBase64));
        Assert.Equal("audio/mpeg", preview.MediaType);
        Assert.Equal("?output_format=mp3_22050_32", harness.Fake.Requests[0].Query);
        Assert.Equal("""{"voice_description":"A calm old sailor.","seed":7}""", harness.Fake.Requests[0].Body);
        Assert.Equal(("Sailor", "generated"), (voice.Name, voice.Category));
        Assert.NotNull(await harness.Directory.GetVoiceAsync(voice.VoiceId));
    }

    [Fact]
    public async Task GetModelsAsync_ReportsMultipliersAndCharacterLimits()
    {
        await using var harness = await ElevenLabsHarness.StartAsync();

        var models = await harness.Client.GetModelsAsync();

        var flash = Assert.Single(models, m => m.ModelId == "eleven_flash_v2_5");
        Assert.Equal((0.5, 40_000, true), (flash.ModelRates!.CharacterCostMultiplier, flash.MaxCharactersRequestSubscribedUser!.Value, flash.CanDoTextToSpeech));
        var multilingual = Assert.Single(models, m => m.ModelId == "eleven_multilingual_v2");
        Assert.Equal((1.0, 10_000), (multilingual.ModelRates!.CharacterCostMultiplier, multilingual.MaximumTextLengthPerRequest!.Value));
        Assert.Contains(multilingual.Languages!, l => l.LanguageId == "ja");
    }

    [Fact]
    public async Task GetSubscriptionAsync_RunsDownAsSpeechIsBilled()
    {
        await using var harness = await ElevenLabsHarness.StartAsync();
        var before = await harness.Client.GetSubscriptionAsync();

        await ElevenLabsSpeechSynthesizerTests.ReadAsync(harness, new SpeechRequest(new string('q', 50), FakeVoiceCatalog.Sarah) { ModelId = "eleven_flash_v2_5" });
        var after = await harness.Client.GetSubscriptionAsync();
        var user = await harness.Client.GetUserAsync();

        Assert.Equal(("creator", 0, 100_000), (before.Tier, before.CharacterCount, before.CharacterLimit));
        Assert.Equal(25, after.CharacterCount);
        Assert.Equal(99_975, after.CharactersRemaining);
        Assert.Equal(("user_fake_0001", 25L), (user.UserId, user.Subscription!.CharacterCount));
    }

    [Fact]
    public async Task Tenant_IsAHashOfTheKey_NeverTheKey()
    {
        await using var harness = await ElevenLabsHarness.StartAsync();

        var tenant = harness.Client.Tenant;

        Assert.StartsWith("elevenlabs:", tenant, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeElevenLabsServer.DefaultApiKey, tenant, StringComparison.Ordinal);
        Assert.Equal(ElevenLabsTenant.FromApiKey(FakeElevenLabsServer.DefaultApiKey), tenant);
        Assert.NotEqual(ElevenLabsTenant.FromApiKey("sk_other"), tenant);
    }
}
