using System.Text;
using System.Text.Json.Nodes;
using System.Xml;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace SpeechGate.Testing.FakeElevenLabs;

/// <summary>
/// <c>POST /v1/pronunciation-dictionaries/add-from-file</c> (elevenlabs-api.md §8a): multipart <c>name</c> + <c>file</c>
/// (a PLS lexicon), optional <c>description</c>; answers the new dictionary with its first <c>version_id</c>.
/// </summary>
/// <remarks>The status for a file that is not a lexicon is UNVERIFIED; the fake answers 400 <c>invalid_pronunciation_dictionary</c>.</remarks>
internal sealed class FakePronunciationDictionaryEndpoints(FakeElevenLabsServer server)
{
    public async Task AddFromFileAsync(HttpContext context, FakeElevenLabsRequest record)
    {
        var fields = await ReadFormAsync(context, record).ConfigureAwait(false);
        var missing = new[] { "name", "file" }.Where(name => !fields.ContainsKey(name))
            .Select(name => new FakeValidationIssue(["body", name], "Field required", "missing")).ToList();
        if (missing.Count > 0)
        {
            await FakeErrorWriter.WriteValidationAsync(context, missing, record).ConfigureAwait(false);
            return;
        }

        if (!IsLexicon(fields["file"]))
        {
            await server.WriteErrorAsync(context, new FakeError(400, "invalid_pronunciation_dictionary", "The file is not a valid PLS lexicon."), record).ConfigureAwait(false);
            return;
        }

        var id = $"pd_{record.Sequence:D6}";
        var dictionary = new FakePronunciationLexicon(id, fields["name"], $"ver_{record.Sequence:D6}", fields["file"]);
        server.Account.PronunciationDictionaries[id] = dictionary;
        await FakeElevenLabsServer.WriteJsonAsync(context, new JsonObject
        {
            ["id"] = dictionary.Id,
            ["name"] = dictionary.Name,
            ["created_by"] = "fake_user",
            ["creation_time_unix"] = 1_790_000_000L + record.Sequence,
            ["version_id"] = dictionary.VersionId,
            ["description"] = fields.GetValueOrDefault("description"),
        }).ConfigureAwait(false);
    }

    private static async Task<Dictionary<string, string>> ReadFormAsync(HttpContext context, FakeElevenLabsRequest record)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var type) || type.Boundary.Value is not { Length: > 0 } boundary)
        {
            return fields;
        }

        var reader = new MultipartReader(HeaderUtilities.RemoveQuotes(boundary).Value!, new MemoryStream(Encoding.UTF8.GetBytes(record.Body)));
        while (await reader.ReadNextSectionAsync().ConfigureAwait(false) is { } section)
        {
            if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) && disposition.Name.Value is { } name)
            {
                using var text = new StreamReader(section.Body);
                fields[HeaderUtilities.RemoveQuotes(name).Value!] = await text.ReadToEndAsync().ConfigureAwait(false);
            }
        }

        return fields;
    }

    private static bool IsLexicon(string content)
    {
        try
        {
            var document = new XmlDocument { XmlResolver = null };
            using var reader = XmlReader.Create(new StringReader(content), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
            document.Load(reader);
            return document.DocumentElement?.LocalName == "lexicon";
        }
        catch (XmlException)
        {
            return false;
        }
    }
}
