using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace SpeechGate.Testing.FakeElevenLabs;

/// <summary>My Voices (v1, v2 with paging, get, delete) and the shared library (search, add).</summary>
internal sealed class FakeVoiceEndpoints(FakeElevenLabsServer server)
{
    private FakeElevenLabsAccount Account => server.Account;

    public Task ListV1Async(HttpContext context, FakeElevenLabsRequest record)
        => FakeElevenLabsServer.WriteJsonAsync(context, new JsonObject { ["voices"] = new JsonArray([.. Ordered().Select(FakeJson.Voice)]) });

    public Task ListV2Async(HttpContext context, FakeElevenLabsRequest record)
    {
        var query = context.Request.Query;
        var pageSize = Math.Clamp(Int(query["page_size"], 10), 1, 100);
        var offset = Int(query["next_page_token"], 0);
        var search = query["search"].FirstOrDefault();
        var category = query["category"].FirstOrDefault();
        var matches = Ordered()
            .Where(v => search is null || v.Name.Contains(search, StringComparison.OrdinalIgnoreCase))
            .Where(v => category is null || v.Category == category)
            .Where(v => query["voice_type"].FirstOrDefault() switch
            {
                "default" => v.Category == "premade",
                "non-default" or "personal" => v.Category != "premade",
                _ => true,
            })
            .ToList();
        var page = matches.Skip(offset).Take(pageSize).ToList();
        var hasMore = offset + page.Count < matches.Count;
        return FakeElevenLabsServer.WriteJsonAsync(context, new JsonObject
        {
            ["voices"] = new JsonArray([.. page.Select(FakeJson.Voice)]),
            ["has_more"] = hasMore,
            ["total_count"] = matches.Count,
            ["next_page_token"] = hasMore ? (offset + page.Count).ToString(CultureInfo.InvariantCulture) : null,
        });
    }

    public Task GetAsync(HttpContext context, FakeElevenLabsRequest record)
    {
        var voiceId = (string)context.Request.RouteValues["voice_id"]!;
        return Account.Voices.TryGetValue(voiceId, out var voice)
            ? FakeElevenLabsServer.WriteJsonAsync(context, FakeJson.Voice(voice))
            : server.WriteErrorAsync(context, FakeError.VoiceNotFound(voiceId), record);
    }

    public Task DeleteAsync(HttpContext context, FakeElevenLabsRequest record)
    {
        var voiceId = (string)context.Request.RouteValues["voice_id"]!;
        return Account.Voices.TryRemove(voiceId, out _)
            ? FakeElevenLabsServer.WriteJsonAsync(context, new JsonObject { ["status"] = "ok" })
            : server.WriteErrorAsync(context, FakeError.VoiceNotFound(voiceId), record);
    }

    public Task SharedAsync(HttpContext context, FakeElevenLabsRequest record)
    {
        var query = context.Request.Query;
        var pageSize = Math.Clamp(Int(query["page_size"], 30), 1, 100);
        var page = Int(query["page"], 0);
        var search = query["search"].FirstOrDefault();
        var gender = query["gender"].FirstOrDefault();
        var matches = Account.SharedVoices.Values.OrderBy(v => v.VoiceId, StringComparer.Ordinal)
            .Where(v => search is null || v.Name.Contains(search, StringComparison.OrdinalIgnoreCase))
            .Where(v => gender is null || v.Gender == gender)
            .ToList();
        var voices = matches.Skip(page * pageSize).Take(pageSize).ToList();
        return FakeElevenLabsServer.WriteJsonAsync(context, new JsonObject
        {
            ["voices"] = new JsonArray([.. voices.Select(v => FakeJson.SharedVoice(v, Account.Voices.Values.Any(m => m.OriginalVoiceId == v.VoiceId)))]),
            ["has_more"] = (page + 1) * pageSize < matches.Count,
            ["total_count"] = matches.Count,
            ["last_sort_id"] = voices.LastOrDefault()?.VoiceId,
        });
    }

    public Task AddSharedAsync(HttpContext context, FakeElevenLabsRequest record)
    {
        var owner = (string)context.Request.RouteValues["public_user_id"]!;
        var voiceId = (string)context.Request.RouteValues["voice_id"]!;
        var name = (JsonNode.Parse(record.Body.Length == 0 ? "{}" : record.Body) as JsonObject)?["new_name"]?.GetValue<string>();
        if (name is null)
        {
            return FakeErrorWriter.WriteValidationAsync(context, [new(["body", "new_name"], "Field required", "missing")], record);
        }

        if (!Account.SharedVoices.TryGetValue(voiceId, out var shared) || shared.PublicOwnerId != owner)
        {
            return server.WriteErrorAsync(context, FakeError.VoiceNotFound(voiceId), record);
        }

        var added = new FakeVoice("added_" + voiceId, name, "professional") { PublicOwnerId = owner, OriginalVoiceId = voiceId };
        return Account.Voices.TryAdd(added.VoiceId, added)
            ? FakeElevenLabsServer.WriteJsonAsync(context, new JsonObject { ["voice_id"] = added.VoiceId })
            : server.WriteErrorAsync(context, FakeError.VoiceAlreadyCloned(), record);
    }

    /// <summary>
    /// <c>POST /v1/voices/add</c>: instant voice cloning from multipart samples. Required <c>name</c> and at least one
    /// <c>files</c> part (422 otherwise); <c>labels</c> is a JSON object as text. The fake keeps each sample's SHA-256.
    /// </summary>
    public async Task AddClonedAsync(HttpContext context, FakeElevenLabsRequest record)
    {
        if (!context.Request.HasFormContentType)
        {
            await FakeErrorWriter.WriteValidationAsync(context, [new(["body", "name"], "Field required", "missing"), new(["body", "files"], "Field required", "missing")], record).ConfigureAwait(false);
            return;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        var files = form.Files.GetFiles("files");
        var issues = new List<FakeValidationIssue>();
        if (string.IsNullOrWhiteSpace(form["name"].FirstOrDefault()))
        {
            issues.Add(new(["body", "name"], "Field required", "missing"));
        }

        if (files.Count == 0)
        {
            issues.Add(new(["body", "files"], "Field required", "missing"));
        }

        if (issues.Count > 0)
        {
            await FakeErrorWriter.WriteValidationAsync(context, issues, record).ConfigureAwait(false);
            return;
        }

        var hashes = new List<string>();
        foreach (var file in files)
        {
            await using var stream = file.OpenReadStream();
            hashes.Add(Convert.ToHexStringLower(await System.Security.Cryptography.SHA256.HashDataAsync(stream, context.RequestAborted).ConfigureAwait(false)));
        }

        var labels = form["labels"].FirstOrDefault() is { Length: > 0 } text && JsonNode.Parse(text) is JsonObject parsed
            ? parsed.ToDictionary(pair => pair.Key, pair => pair.Value?.ToString() ?? "")
            : new Dictionary<string, string>();
        var voice = new FakeVoice($"cloned{record.Sequence:D14}", form["name"].First()!, "cloned")
        {
            Description = form["description"].FirstOrDefault(),
            Labels = labels,
            SampleSha256 = hashes,
            BackgroundNoiseRemoved = string.Equals(form["remove_background_noise"].FirstOrDefault(), "true", StringComparison.OrdinalIgnoreCase),
        };
        Account.Voices[voice.VoiceId] = voice;
        await FakeElevenLabsServer.WriteJsonAsync(context, new JsonObject { ["voice_id"] = voice.VoiceId, ["requires_verification"] = false }).ConfigureAwait(false);
    }

    private IEnumerable<FakeVoice> Ordered()
        => Account.Voices.Values.OrderBy(v => v.CreatedAtUnix).ThenBy(v => v.VoiceId, StringComparer.Ordinal);

    private static int Int(Microsoft.Extensions.Primitives.StringValues value, int fallback)
        => int.TryParse(value.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : fallback;
}
