using System.Text.Json;
using SpeechGate.Server.Tests.Endpoints;
using SpeechGate.Testing.FakeElevenLabs;

namespace SpeechGate.Server.Tests.Pipeline;

/// <summary>Issue 13: a project's PLS lexicon, uploaded to ElevenLabs once per version, keyed per line by the lexemes it uses.</summary>
public sealed class GatewayLexiconTests : IDisposable
{
    private const string Path = $"/v1/text-to-speech/{FakeVoiceCatalog.Rachel}/stream";
    private const string Pls = """
        <?xml version="1.0" encoding="UTF-8"?>
        <lexicon version="1.0" xmlns="http://www.w3.org/2005/01/pronunciation-lexicon" alphabet="ipa" xml:lang="en-US">
          <lexeme><grapheme>SpeechGate</grapheme><alias>Speech Gate</alias></lexeme>
          <lexeme><grapheme>SQL</grapheme><alias>sequel</alias></lexeme>
        </lexicon>
        """;

    private static readonly string[] Lines = ["Meet SpeechGate today.", "Ask about SQL.", "Nothing special here."];
    private readonly string _lexicon = System.IO.Path.Combine(Directory.CreateTempSubdirectory("speechgate-lexicon-").FullName, "project.pls");

    public void Dispose() => Directory.Delete(System.IO.Path.GetDirectoryName(_lexicon)!, recursive: true);

    [Fact]
    public async Task EditingOneLexeme_MissesOnlyTheLinesThatContainIt()
    {
        await File.WriteAllTextAsync(_lexicon, Pls);
        await using var pipeline = await PipelineGateway.StartAsync(new Dictionary<string, string?> { ["Proofing:Lexicon"] = _lexicon });

        var first = await SayAllAsync(pipeline);
        await pipeline.WaitForEntriesAsync(3);
        await File.WriteAllTextAsync(_lexicon, Pls.Replace("sequel", "ess cue ell", StringComparison.Ordinal));
        var second = await SayAllAsync(pipeline);

        Assert.Equal(["miss", "miss", "miss"], first);
        Assert.Equal(["hit", "miss", "hit"], second);
        var uploads = pipeline.Upstream.Requests.Where(r => r.Path == "/v1/pronunciation-dictionaries/add-from-file").ToList();
        Assert.Equal(2, uploads.Count);
        Assert.All(uploads, upload => Assert.Equal(200, upload.StatusCode));
        Assert.Equal(2, pipeline.Upstream.Account.PronunciationDictionaries.Count);
        var tts = pipeline.UpstreamTts;
        Assert.Equal(4, tts.Count);
        Assert.True(uploads[0].Sequence < tts[0].Sequence);
        Assert.Equal(Locator(pipeline, uploads[0]), Locators(tts[0]));
        Assert.Equal("[]", Locators(tts[2]));
        Assert.Equal(Locator(pipeline, uploads[1]), Locators(tts[3]));
    }

    [Fact]
    public async Task EditingOneLexeme_AfterRepeatedHits_TheHotPathDoesNotServeTheOldClip()
    {
        await File.WriteAllTextAsync(_lexicon, Pls);
        await using var pipeline = await PipelineGateway.StartAsync(new Dictionary<string, string?> { ["Proofing:Lexicon"] = _lexicon });

        // The hot path serves keyed requests only.
        var key = (await pipeline.Gateway.Keys.CreateAsync("lexicon")).Secret;
        await SayAllAsync(pipeline, key);
        await pipeline.WaitForEntriesAsync(3);

        // Hits of the full path: the gateway's hot-hit index would remember these exact requests.
        var hits = await SayAllAsync(pipeline, key);
        await File.WriteAllTextAsync(_lexicon, Pls.Replace("sequel", "ess cue ell", StringComparison.Ordinal));
        var afterEdit = await SayAllAsync(pipeline, key);

        Assert.DoesNotContain("miss", hits);
        Assert.Equal("miss", afterEdit[1]);
        Assert.DoesNotContain("miss", new[] { afterEdit[0], afterEdit[2] });
        Assert.Equal(4, pipeline.UpstreamTts.Count);
    }

    private static async Task<List<string>> SayAllAsync(PipelineGateway pipeline, string? key = null)
    {
        var statuses = new List<string>();
        foreach (var line in Lines)
        {
            using var request = PipelineGateway.Post(Path, JsonSerializer.Serialize(new { text = line, model_id = "eleven_flash_v2_5" }));
            if (key is not null)
            {
                request.Headers.Add("xi-api-key", key);
            }

            using var response = await pipeline.Client.SendAsync(request);
            _ = await response.Content.ReadAsByteArrayAsync();
            statuses.Add(TextToSpeechEndpointsTests.Header(response, "x-speechgate-cache")!);
        }

        return statuses;
    }

    private static string Locator(PipelineGateway pipeline, Testing.FakeElevenLabs.FakeElevenLabsRequest upload)
    {
        var dictionary = pipeline.Upstream.Account.PronunciationDictionaries.Values.Single(d => d.Id == $"pd_{upload.Sequence:D6}");
        return $"[{{\"pronunciation_dictionary_id\":\"{dictionary.Id}\",\"version_id\":\"{dictionary.VersionId}\"}}]";
    }

    private static string Locators(Testing.FakeElevenLabs.FakeElevenLabsRequest request)
        => JsonDocument.Parse(request.Body).RootElement.TryGetProperty("pronunciation_dictionary_locators", out var locators) ? locators.GetRawText() : "[]";
}
