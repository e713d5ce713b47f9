using System.Net;
using System.Text.Json;
using SpeechGate.Server.Tests.Endpoints;
using SpeechGate.Testing.FakeElevenLabs;

namespace SpeechGate.Server.Tests.Pipeline;

/// <summary>Issue 13 over real HTTP: the proofing stage in front of the cache, the budget and the fake ElevenLabs server.</summary>
public sealed class GatewayProofingTests
{
    private const string Path = $"/v1/text-to-speech/{FakeVoiceCatalog.Rachel}/stream";

    [Fact]
    public async Task Normalize_TextDifferingOnlyInBilledNoise_IsAFreeHitOfTheOnePaidClip()
    {
        await using var pipeline = await PipelineGateway.StartAsync();

        using var first = await pipeline.Client.SendAsync(PipelineGateway.Post(Path, """{"text":"Hello  world \u200B","model_id":"eleven_flash_v2_5"}"""));
        var firstBytes = await first.Content.ReadAsByteArrayAsync();
        await pipeline.WaitForEntriesAsync(1);
        using var second = await pipeline.Client.SendAsync(PipelineGateway.Post(Path, """{"text":"Hello world","model_id":"eleven_flash_v2_5"}"""));

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("miss", TextToSpeechEndpointsTests.Header(first, "x-speechgate-cache"));
        Assert.Equal("hit", TextToSpeechEndpointsTests.Header(second, "x-speechgate-cache"));
        Assert.Equal("0", TextToSpeechEndpointsTests.Header(second, "x-speechgate-credits"));
        Assert.Equal(firstBytes, await second.Content.ReadAsByteArrayAsync());
        var paid = Assert.Single(pipeline.UpstreamTts);
        Assert.Equal("Hello world", JsonDocument.Parse(paid.Body).RootElement.GetProperty("text").GetString());
        // Billed at flash's 0.5 credit per character for the 11 proofed characters, not the 14 sent.
        Assert.Equal(6, paid.BilledCharacters);
        Assert.Equal("6", TextToSpeechEndpointsTests.Header(first, "x-speechgate-credits"));
    }

    [Fact]
    public async Task Off_SendsTheTextUntouched()
    {
        await using var pipeline = await PipelineGateway.StartAsync(new Dictionary<string, string?> { ["Proofing:Mode"] = "off" });

        using var response = await pipeline.Client.SendAsync(PipelineGateway.Post(Path, """{"text":"Hello  world ","model_id":"eleven_flash_v2_5"}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Hello  world ", JsonDocument.Parse(Assert.Single(pipeline.UpstreamTts).Body).RootElement.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Strict_TextWithErrors_Is422ListingTheFindingsBeforeAnyUpstreamCall()
    {
        await using var pipeline = await PipelineGateway.StartAsync(new Dictionary<string, string?> { ["Proofing:Mode"] = "strict" });

        using var response = await pipeline.Client.SendAsync(PipelineGateway.Post(Path, """{"text":"<emphasis>Hold <break time=\"10s\"/> on","model_id":"eleven_flash_v2_5"}"""));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var detail = body.RootElement.GetProperty("detail");
        Assert.Equal("proofing_failed", detail.GetProperty("status").GetString());
        var message = detail.GetProperty("message").GetString()!;
        Assert.Contains("SG-TAG", message, StringComparison.Ordinal);
        Assert.Contains("SG-BREAK", message, StringComparison.Ordinal);
        Assert.Empty(pipeline.UpstreamTts);
    }

    [Fact]
    public async Task Strict_PerProjectOff_LetsThatProjectThrough()
    {
        await using var pipeline = await PipelineGateway.StartAsync(new Dictionary<string, string?>
        {
            ["Proofing:Mode"] = "strict",
            ["Proofing:Projects:drafts:Mode"] = "off",
        });
        const string json = """{"text":"<emphasis>Draft","model_id":"eleven_flash_v2_5"}""";

        using var refused = await pipeline.Client.SendAsync(PipelineGateway.Post(Path, json));
        using var drafted = await pipeline.Client.SendAsync(PipelineGateway.Post(Path, json, ("x-speechgate-project", "drafts")));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, drafted.StatusCode);
        Assert.Single(pipeline.UpstreamTts);
    }
}
