using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebSockets;
using Microsoft.Extensions.DependencyInjection;

namespace SpeechGate.Testing.FakeElevenLabs;

/// <summary>A faithful fake of ElevenLabs' HTTP API (elevenlabs-api.md) on real Kestrel at 127.0.0.1, on a free port.</summary>
/// <remarks>Records every request and every credit it billed. Dispose to stop it.</remarks>
public sealed class FakeElevenLabsServer : IAsyncDisposable
{
    /// <summary>The key the fake accepts unless another is given.</summary>
    public const string DefaultApiKey = "sk_fake_0123456789abcdef";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FakeElevenLabsRequest> _requests = new();
    private readonly ConcurrentQueue<FakeFault> _faults = new();
    private int _sequence;
    private int _webSocketSessions;

    private FakeElevenLabsServer(WebApplication app, string apiKey)
    {
        _app = app;
        ApiKey = apiKey;
    }

    /// <summary>The base URL, e.g. <c>http://127.0.0.1:49152/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The accepted <c>xi-api-key</c>.</summary>
    public string ApiKey { get; }

    /// <summary>Plan, quota, voices, library and history.</summary>
    public FakeElevenLabsAccount Account { get; } = new();

    /// <summary>Timing, limits and error shape.</summary>
    public FakeElevenLabsBehavior Behavior { get; } = new();

    /// <summary>In-flight TTS requests.</summary>
    public FakeConcurrency Concurrency { get; } = new();

    /// <summary>Ordered events (chunks sent, resets); tests may add their own.</summary>
    public FakeTimeline Timeline { get; } = new();

    /// <summary>Every request so far, in arrival order.</summary>
    public IReadOnlyList<FakeElevenLabsRequest> Requests => [.. _requests];

    /// <summary>WebSocket connections accepted on stream-input and multi-stream-input so far.</summary>
    public int WebSocketSessions => Volatile.Read(ref _webSocketSessions);

    /// <summary>Every credit billed so far.</summary>
    public long BilledCharacters => _requests.Sum(r => (long)r.BilledCharacters);

    /// <summary>Starts the fake.</summary>
    public static async Task<FakeElevenLabsServer> StartAsync(string apiKey = DefaultApiKey, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRoutingCore();
        builder.Services.AddWebSockets(_ => { });
        var app = builder.Build();
        app.UseWebSockets();
        var server = new FakeElevenLabsServer(app, apiKey);
        FakeElevenLabsRoutes.Map(app, server);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
        return server;
    }

    /// <summary>Queues a failure for the next matching request.</summary>
    public void Enqueue(FakeFault fault) => _faults.Enqueue(fault);

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    internal async Task<FakeElevenLabsRequest> BeginAsync(HttpContext context)
    {
        var record = new FakeElevenLabsRequest
        {
            Sequence = Interlocked.Increment(ref _sequence),
            Method = context.Request.Method,
            Path = context.Request.Path.Value ?? string.Empty,
            Query = context.Request.QueryString.Value ?? string.Empty,
            ApiKey = context.Request.Headers["xi-api-key"].FirstOrDefault(),
        };
        // Buffered, so a multipart handler can read the form after the record took the text.
        context.Request.EnableBuffering();
        using (var reader = new StreamReader(context.Request.Body, leaveOpen: true))
        {
            record.Body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        }

        context.Request.Body.Position = 0;
        _requests.Enqueue(record);
        Timeline.Mark($"request:{record.Sequence}");
        return record;
    }

    internal void CountWebSocketSession() => Interlocked.Increment(ref _webSocketSessions);

    /// <summary>Records one generation of a WebSocket session as a request (method <c>WS</c>, body the text generated).</summary>
    internal FakeElevenLabsRequest Record(string method, string path, string body)
    {
        var record = new FakeElevenLabsRequest { Sequence = Interlocked.Increment(ref _sequence), Method = method, Path = path, Query = string.Empty, Body = body, ApiKey = ApiKey };
        _requests.Enqueue(record);
        Timeline.Mark($"request:{record.Sequence}");
        return record;
    }

    internal FakeError? Authenticate(HttpContext context)
    {
        var key = context.Request.Headers["xi-api-key"].FirstOrDefault();
        return key is null ? FakeError.NeedsAuthorization() : key == ApiKey ? null : FakeError.InvalidApiKey();
    }

    internal Task WriteErrorAsync(HttpContext context, FakeError error, FakeElevenLabsRequest record)
        => FakeErrorWriter.WriteAsync(context, error, error.Status == "invalid_api_key" ? FakeErrorFormat.Current : Behavior.ErrorFormat, record);

    internal FakeFault? TakeFault(PathString path)
    {
        if (_faults.TryPeek(out var fault) && path.Value?.StartsWith(fault.PathPrefix, StringComparison.Ordinal) == true && _faults.TryDequeue(out fault))
        {
            return fault;
        }

        return null;
    }

    internal static (string RequestId, string HistoryItemId, string TraceId) NewIds(FakeElevenLabsRequest record)
        => ($"req_{record.Sequence:D6}", $"hist_{record.Sequence:D6}", $"trace_{record.Sequence:D6}");

    internal static async Task WriteJsonAsync(HttpContext context, JsonNode body, int statusCode = 200)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/json";
        context.Response.Headers["x-trace-id"] = "trace_" + Guid.NewGuid().ToString("N")[..12];
        await context.Response.WriteAsync(body.ToJsonString(JsonSerializerOptions.Web)).ConfigureAwait(false);
    }
}
