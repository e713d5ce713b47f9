using System.Globalization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SpeechGate.Bench.GatewayTtfb;
using SpeechGate.Server;
using SpeechGate.Server.Hosting;
using SpeechGate.Testing.FakeElevenLabs;

// Usage: GatewayTtfb [iterations=1000] [warmup=100]. Two phases, each alternating direct and gateway calls so both see
// the same conditions: misses (a distinct text every iteration, so the gateway's cache never answers and every call
// pays the full path: voices, metering, cache miss, budget, provider) and hits (one text, answered from the cache).
var iterations = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
var warmup = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100;

await using var upstream = await FakeElevenLabsServer.StartAsync();
upstream.Behavior.FirstByteDelay = TimeSpan.FromMilliseconds(75);
upstream.Account.CharacterLimit = long.MaxValue / 2;
var dataDirectory = Directory.CreateTempSubdirectory("speechgate-bench-").FullName;
var app = GatewayApplication.Build(new GatewayHostOptions
{
    Port = 0,
    DataDirectory = dataDirectory,
    RateLimitPermits = 10_000_000,
    ProviderRateLimitPermits = 0,
    Configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Logging:LogLevel:Default"] = "Warning",
        ["Providers:ElevenLabs:ApiKey"] = upstream.ApiKey,
        ["Providers:ElevenLabs:BaseUrl"] = upstream.BaseAddress.ToString(),
        ["Providers:ElevenLabs:Tier"] = "enterprise",
    }).Build(),
});
await app.StartAsync();
var gatewayKey = (await app.Services.GetRequiredService<SpeechGate.Server.Authentication.GatewayKeyStore>().CreateAsync("bench")).Secret;
var gatewayBase = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
var path = $"v1/text-to-speech/{FakeVoiceCatalog.Rachel}/stream";

using var client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan });
var direct = new TtfbProbe(client, upstream.ApiKey);
var viaGateway = new TtfbProbe(client, gatewayKey);
var directUrl = new Uri(upstream.BaseAddress, path);
var gatewayUrl = new Uri(gatewayBase, path);

Console.WriteLine($"iterations={iterations} warmup={warmup} upstream first byte=75 ms (fake ElevenLabs on 127.0.0.1)");
await RunAsync("miss", i => $"Time to first byte, measured on a miss, number {i}.");
await RunAsync("hit", _ => "Time to first byte, measured on a hit.");

await app.StopAsync();
await app.DisposeAsync();

async Task RunAsync(string phase, Func<int, string> text)
{
    List<double> directSamples = [], gatewaySamples = [], added = [];
    for (var i = 0; i < warmup + iterations; i++)
    {
        // Alternate which goes first, so neither side always runs on a warmer connection or timer.
        var body = TtfbProbe.Body(text(i));
        var (first, second) = i % 2 == 0 ? (direct, viaGateway) : (viaGateway, direct);
        var firstMs = await first.MeasureAsync(first == direct ? directUrl : gatewayUrl, body);
        var secondMs = await second.MeasureAsync(second == direct ? directUrl : gatewayUrl, body);
        var (d, g) = first == direct ? (firstMs, secondMs) : (secondMs, firstMs);
        if (i >= warmup)
        {
            directSamples.Add(d);
            gatewaySamples.Add(g);
            added.Add(g - d);
        }
    }

    static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
    Console.WriteLine($"[{phase}] direct   TTFB ms: p50={F(Percentiles.Of(directSamples, 50))} p99={F(Percentiles.Of(directSamples, 99))}");
    Console.WriteLine($"[{phase}] gateway  TTFB ms: p50={F(Percentiles.Of(gatewaySamples, 50))} p99={F(Percentiles.Of(gatewaySamples, 99))}");
    Console.WriteLine($"[{phase}] added ms (difference of percentiles): p50={F(Percentiles.Of(gatewaySamples, 50) - Percentiles.Of(directSamples, 50))} " +
        $"p99={F(Percentiles.Of(gatewaySamples, 99) - Percentiles.Of(directSamples, 99))}");
    Console.WriteLine($"[{phase}] added ms (paired per iteration): p50={F(Percentiles.Of(added, 50))} p99={F(Percentiles.Of(added, 99))}");
}
