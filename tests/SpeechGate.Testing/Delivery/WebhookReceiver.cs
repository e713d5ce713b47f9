using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SpeechGate.Delivery;

namespace SpeechGate.Testing.Delivery;

/// <summary>A webhook receiver on real Kestrel at 127.0.0.1 that verifies each delivery's signature, as a user's would.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Received> _received = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private int _failuresLeft;

    private WebhookReceiver(WebApplication app, string secret)
    {
        _app = app;
        Secret = secret;
    }

    /// <summary>One POST as it arrived.</summary>
    /// <param name="Body">The raw body.</param>
    /// <param name="IdempotencyKey">The <c>Idempotency-Key</c> header.</param>
    /// <param name="SignatureValid">Whether <c>speechgate-signature</c> verified with the receiver's secret.</param>
    /// <param name="Status">What the receiver answered.</param>
    public sealed record Received(byte[] Body, string? IdempotencyKey, bool SignatureValid, int Status);

    /// <summary>The URL to deliver to.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>The shared signing secret.</summary>
    public string Secret { get; }

    /// <summary>Every POST so far.</summary>
    public IReadOnlyList<Received> Requests => [.. _received];

    /// <summary>Starts a receiver that answers 500 to its first <paramref name="failures"/> POSTs, then 200.</summary>
    public static async Task<WebhookReceiver> StartAsync(string secret = "whsec_test_secret", int failures = 0)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, secret) { _failuresLeft = failures };
        app.Run(receiver.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = new Uri(address.TrimEnd('/') + "/hooks/speechgate");
        return receiver;
    }

    /// <summary>Waits (bounded) until <paramref name="count"/> POSTs have arrived.</summary>
    public async Task<IReadOnlyList<Received>> WaitForAsync(int count, TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        while (_received.Count < count)
        {
            try
            {
                await _arrived.WaitAsync(cancellation.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"The receiver got {_received.Count} of {count} deliveries within {timeout}.");
            }
        }

        return Requests;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _arrived.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var valid = WebhookSignature.Verify(Secret, context.Request.Headers[WebhookSignature.HeaderName], body, TimeProvider.System.GetUtcNow(), TimeSpan.FromMinutes(5));
        var status = !valid ? 401 : Interlocked.Decrement(ref _failuresLeft) >= 0 ? 500 : 200;
        context.Response.StatusCode = status;
        _received.Enqueue(new Received(body, context.Request.Headers["Idempotency-Key"].FirstOrDefault(), valid, status));
        _arrived.Release();
    }
}
