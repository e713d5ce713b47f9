using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SpeechGate.Proofing.Lexicons;
using SpeechGate.Synthesis;

namespace SpeechGate.Providers.ElevenLabs;

/// <summary>
/// Uploads a lexicon as an ElevenLabs pronunciation dictionary (<c>POST /v1/pronunciation-dictionaries/add-from-file</c>),
/// once per lexicon version and account, and remembers the locator in a small JSON file so restarts do not upload again.
/// </summary>
internal sealed class ElevenLabsLexiconPublisher(IHttpClientFactory clients, IOptions<ElevenLabsOptions> options, TimeProvider time, string? stateFile)
    : ILexiconPublisher
{
    private readonly ConcurrentDictionary<string, Lazy<Task<PronunciationDictionaryLocator>>> _published = new(StringComparer.Ordinal);
    private readonly Lock _fileLock = new();

    public string Provider => ElevenLabsServiceCollectionExtensions.ProviderName;

    public async Task<PronunciationDictionaryLocator> PublishAsync(PronunciationLexicon lexicon, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        var key = $"{options.Value.Tenant}:{lexicon.Version}";
        var lazy = _published.GetOrAdd(key, k => new Lazy<Task<PronunciationDictionaryLocator>>(() => LoadOrUploadAsync(k, lexicon)));
        try
        {
            return await lazy.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (lazy.Value.IsFaulted)
        {
            _published.TryRemove(KeyValuePair.Create(key, lazy)); // a failed upload is tried again by the next request
            throw;
        }
    }

    private async Task<PronunciationDictionaryLocator> LoadOrUploadAsync(string key, PronunciationLexicon lexicon)
    {
        if (ReadState().TryGetValue(key, out var known))
        {
            return known;
        }

        using var form = new MultipartFormDataContent
        {
            { new StringContent($"speechgate-{lexicon.Version}"), "name" },
            { new StringContent("Uploaded by SpeechGate from a project lexicon."), "description" },
        };
        var file = new StringContent(lexicon.Content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pls+xml");
        form.Add(file, "file", "lexicon.pls");
        using var response = await clients.CreateClient(nameof(ElevenLabsClient)).PostAsync("v1/pronunciation-dictionaries/add-from-file", form).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw await ElevenLabsErrorReader.ReadAsync(response, time, CancellationToken.None).ConfigureAwait(false);
        }

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync().ConfigureAwait(false));
        var locator = new PronunciationDictionaryLocator(body.RootElement.GetProperty("id").GetString()!, body.RootElement.GetProperty("version_id").GetString());
        WriteState(key, locator);
        return locator;
    }

    private Dictionary<string, PronunciationDictionaryLocator> ReadState()
    {
        lock (_fileLock)
        {
            return ReadStateUnlocked();
        }
    }

    private Dictionary<string, PronunciationDictionaryLocator> ReadStateUnlocked()
    {
        try
        {
            return stateFile is not null && File.Exists(stateFile)
                ? JsonSerializer.Deserialize<Dictionary<string, PronunciationDictionaryLocator>>(File.ReadAllText(stateFile)) ?? []
                : [];
        }
        catch (JsonException)
        {
            return []; // a damaged record only costs one more upload
        }
    }

    private void WriteState(string key, PronunciationDictionaryLocator locator)
    {
        if (stateFile is null)
        {
            return;
        }

        lock (_fileLock)
        {
            var state = ReadStateUnlocked();
            state[key] = locator with { KeyVersion = null };
            var temporary = stateFile + ".tmp";
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(stateFile))!);
            File.WriteAllText(temporary, JsonSerializer.Serialize(state));
            File.Move(temporary, stateFile, overwrite: true);
        }
    }
}
