using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Options;
using SpeechGate.Providers.ElevenLabs.Wire;

namespace SpeechGate.Providers.ElevenLabs;

/// <summary>ElevenLabs' non-TTS endpoints: voices, the shared library, voice design, models and the subscription.</summary>
/// <remarks>A typed <see cref="HttpClient"/>; safe for concurrent use. Failed calls throw <see cref="ElevenLabsException"/>.</remarks>
public sealed class ElevenLabsClient
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private readonly HttpClient _http;
    private readonly ElevenLabsResilience _resilience;
    private readonly ElevenLabsOptions _options;
    private readonly TimeProvider _time;

    internal ElevenLabsClient(HttpClient http, ElevenLabsResilience resilience, IOptions<ElevenLabsOptions> options, TimeProvider time)
    {
        _http = http;
        _resilience = resilience;
        _options = options.Value;
        _time = time;
    }

    /// <summary>The upstream account, as used in cache keys (<see cref="Synthesis.SpeechRequest.Tenant"/>): a hash of the key.</summary>
    public string Tenant => _options.Tenant;

    /// <summary><c>GET /v1/voices</c>: every voice of the account (use <see cref="SearchVoicesAsync"/> above 500).</summary>
    public async Task<IReadOnlyList<ElevenLabsVoice>> ListVoicesAsync(bool? showLegacy = null, CancellationToken cancellationToken = default)
    {
        var path = new ElevenLabsQuery("v1/voices").Add("show_legacy", showLegacy).ToString();
        var list = await SendAsync(HttpMethod.Get, path, null, ElevenLabsJsonContext.Default.ElevenLabsVoiceList, cancellationToken).ConfigureAwait(false);
        return list.Voices ?? [];
    }

    /// <summary><c>GET /v2/voices</c>: one page of the account's voices.</summary>
    public Task<ElevenLabsVoicePage> SearchVoicesAsync(ElevenLabsVoiceSearch? search = null, CancellationToken cancellationToken = default)
    {
        search ??= new ElevenLabsVoiceSearch();
        var path = new ElevenLabsQuery("v2/voices")
            .Add("page_size", search.PageSize).Add("next_page_token", search.NextPageToken).Add("search", search.Search)
            .Add("sort", search.Sort).Add("sort_direction", search.SortDirection).Add("voice_type", search.VoiceType)
            .Add("category", search.Category).Add("include_total_count", search.IncludeTotalCount).ToString();
        return SendAsync(HttpMethod.Get, path, null, ElevenLabsJsonContext.Default.ElevenLabsVoicePage, cancellationToken);
    }

    /// <summary><c>GET /v1/voices/{voice_id}</c>; a removed voice throws 404 <c>voice_not_found</c>.</summary>
    public Task<ElevenLabsVoice> GetVoiceAsync(string voiceId, CancellationToken cancellationToken = default)
        => SendAsync(HttpMethod.Get, "v1/voices/" + Uri.EscapeDataString(voiceId), null, ElevenLabsJsonContext.Default.ElevenLabsVoice, cancellationToken);

    /// <summary><c>DELETE /v1/voices/{voice_id}</c>.</summary>
    public Task DeleteVoiceAsync(string voiceId, CancellationToken cancellationToken = default)
        => SendAsync(HttpMethod.Delete, "v1/voices/" + Uri.EscapeDataString(voiceId), null, ElevenLabsJsonContext.Default.ElevenLabsStatusResult, cancellationToken);

    /// <summary><c>GET /v1/shared-voices</c>: one page of the public library.</summary>
    public Task<ElevenLabsSharedVoicePage> SearchSharedVoicesAsync(ElevenLabsSharedVoiceSearch? search = null, CancellationToken cancellationToken = default)
    {
        search ??= new ElevenLabsSharedVoiceSearch();
        var path = new ElevenLabsQuery("v1/shared-voices")
            .Add("page_size", search.PageSize).Add("page", search.Page).Add("search", search.Search).Add("category", search.Category)
            .Add("gender", search.Gender).Add("age", search.Age).Add("accent", search.Accent).Add("language", search.Language)
            .Add("featured", search.Featured).ToString();
        return SendAsync(HttpMethod.Get, path, null, ElevenLabsJsonContext.Default.ElevenLabsSharedVoicePage, cancellationToken);
    }

    /// <summary>Adds a library voice to My Voices and returns its new, stable voice id (400 <c>voice_already_cloned</c> if added).</summary>
    public async Task<string> AddSharedVoiceAsync(string publicUserId, string voiceId, string newName, bool bookmarked = true, CancellationToken cancellationToken = default)
    {
        var path = $"v1/voices/add/{Uri.EscapeDataString(publicUserId)}/{Uri.EscapeDataString(voiceId)}";
        var body = JsonSerializer.SerializeToUtf8Bytes(new AddSharedVoiceBody(newName, bookmarked), ElevenLabsJsonContext.Default.AddSharedVoiceBody);
        var result = await SendAsync(HttpMethod.Post, path, body, ElevenLabsJsonContext.Default.ElevenLabsVoiceIdResult, cancellationToken).ConfigureAwait(false);
        return result.VoiceId;
    }

    /// <summary>
    /// <c>POST /v1/voices/add</c> (instant voice cloning, multipart): <c>name</c>, one <c>files</c> part per sample,
    /// <c>remove_background_noise</c>, <c>description</c>, <c>labels</c> (a JSON object as text). Returns the new voice id.
    /// </summary>
    public async Task<string> AddVoiceAsync(VoiceResolution.VoiceCloneRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await SendContentAsync(HttpMethod.Post, "v1/voices/add", () => CloneForm(request), ElevenLabsJsonContext.Default.ElevenLabsVoiceIdResult, cancellationToken).ConfigureAwait(false);
        return result.VoiceId;
    }

    private static MultipartFormDataContent CloneForm(VoiceResolution.VoiceCloneRequest request)
    {
        var form = new MultipartFormDataContent { { new StringContent(request.Name), "name" } };
        foreach (var sample in request.Samples)
        {
            var file = new ReadOnlyMemoryContent(sample.Content);
            file.Headers.ContentType = new MediaTypeHeaderValue(sample.MediaType);
            form.Add(file, "files", sample.FileName);
        }

        form.Add(new StringContent(request.RemoveBackgroundNoise ? "true" : "false"), "remove_background_noise");
        if (request.Description is { } description)
        {
            form.Add(new StringContent(description), "description");
        }

        if (request.Labels.Count > 0)
        {
            form.Add(new StringContent(JsonSerializer.Serialize(request.Labels, ElevenLabsJsonContext.Default.IReadOnlyDictionaryStringString)), "labels");
        }

        return form;
    }

    /// <summary><c>POST /v1/text-to-voice/design</c>: previews of a voice described in words.</summary>
    public Task<ElevenLabsVoiceDesign> DesignVoiceAsync(ElevenLabsVoiceDesignRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = new ElevenLabsQuery("v1/text-to-voice/design").Add("output_format", request.OutputFormat).ToString();
        var body = JsonSerializer.SerializeToUtf8Bytes(request, ElevenLabsJsonContext.Default.ElevenLabsVoiceDesignRequest);
        return SendAsync(HttpMethod.Post, path, body, ElevenLabsJsonContext.Default.ElevenLabsVoiceDesign, cancellationToken);
    }

    /// <summary><c>POST /v1/text-to-voice</c>: keeps a designed preview as an account voice.</summary>
    public Task<ElevenLabsVoice> CreateVoiceAsync(ElevenLabsCreateVoiceRequest request, CancellationToken cancellationToken = default)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(request, ElevenLabsJsonContext.Default.ElevenLabsCreateVoiceRequest);
        return SendAsync(HttpMethod.Post, "v1/text-to-voice", body, ElevenLabsJsonContext.Default.ElevenLabsVoice, cancellationToken);
    }

    /// <summary><c>GET /v1/models</c>, with per-request character limits and credit multipliers.</summary>
    public Task<IReadOnlyList<ElevenLabsModel>> GetModelsAsync(CancellationToken cancellationToken = default)
        => SendAsync(HttpMethod.Get, "v1/models", null, ElevenLabsJsonContext.Default.IReadOnlyListElevenLabsModel, cancellationToken);

    /// <summary><c>GET /v1/user</c>.</summary>
    public Task<ElevenLabsUser> GetUserAsync(CancellationToken cancellationToken = default)
        => SendAsync(HttpMethod.Get, "v1/user", null, ElevenLabsJsonContext.Default.ElevenLabsUser, cancellationToken);

    /// <summary><c>GET /v1/user/subscription</c>: the plan and its remaining credits.</summary>
    public Task<ElevenLabsSubscription> GetSubscriptionAsync(CancellationToken cancellationToken = default)
        => SendAsync(HttpMethod.Get, "v1/user/subscription", null, ElevenLabsJsonContext.Default.ElevenLabsSubscription, cancellationToken);

    private Task<T> SendAsync<T>(HttpMethod method, string path, byte[]? body, JsonTypeInfo<T> type, CancellationToken cancellationToken)
        => SendContentAsync(method, path, body is null ? null : () => new ByteArrayContent(body) { Headers = { ContentType = Json } }, type, cancellationToken);

    // The content is made anew for every attempt: a retried request must not re-send a consumed body.
    private async Task<T> SendContentAsync<T>(HttpMethod method, string path, Func<HttpContent>? content, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(_options.ApiKey))
        {
            throw new ElevenLabsException(401, "needs_authorization", $"No ElevenLabs API key is configured: set {ElevenLabsOptions.ApiKeyVariable}.");
        }

        try
        {
            return await SendWithRetriesAsync(method, path, content, type, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (ElevenLabsTransportFailure.Matches(exception, cancellationToken))
        {
            throw ElevenLabsTransportFailure.Wrap(exception);
        }
    }

    private async Task<T> SendWithRetriesAsync<T>(HttpMethod method, string path, Func<HttpContent>? content, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        return await _resilience.Pipeline.ExecuteAsync(
            async token =>
            {
                using var message = new HttpRequestMessage(method, path);
                message.Content = content?.Invoke();

                using var response = await _http.SendAsync(message, token).ConfigureAwait(false);
                if (!response.IsSuccessStatusCode)
                {
                    throw await ElevenLabsErrorReader.ReadAsync(response, _time, token).ConfigureAwait(false);
                }

                return await response.Content.ReadFromJsonAsync(type, token).ConfigureAwait(false)
                    ?? throw new ElevenLabsException(502, "invalid_response", $"ElevenLabs answered {path} with an empty body.");
            },
            cancellationToken).ConfigureAwait(false);
    }
}
