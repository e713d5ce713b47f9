using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using SpeechGate.Server.Tests.Pipeline;

namespace SpeechGate.Server.Tests.Observability;

/// <summary>Issue 18: with an OTLP endpoint configured, the upstream-call traces and the meter are exported there (OTLP/HTTP).</summary>
public sealed class OtlpExportTests
{
    [Fact]
    public async Task OtlpEndpointConfigured_ExportsTracesAndMetrics_OnShutdownAtTheLatest()
    {
        var received = new ConcurrentQueue<(string Path, long Bytes)>();
        var (collector, address) = await StartCollectorAsync(received);
        await using var stopCollector = collector;
        var pipeline = await PipelineGateway.StartAsync(new Dictionary<string, string?>
        {
            ["Otlp:Endpoint"] = address,
            ["Otlp:Protocol"] = "http/protobuf",
        });
        await using (pipeline)
        {
            using var response = await pipeline.SayAsync("Traced on its way upstream.");
            _ = await response.Content.ReadAsByteArrayAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Contains(received, r => r.Path == "/v1/traces" && r.Bytes > 0);
        Assert.Contains(received, r => r.Path == "/v1/metrics" && r.Bytes > 0);
    }

    private static async Task<(WebApplication App, string Address)> StartCollectorAsync(ConcurrentQueue<(string Path, long Bytes)> received)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        app.Run(async context =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            received.Enqueue((context.Request.Path.Value ?? "", body.Length));
            context.Response.StatusCode = 200;
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, address);
    }
}
