using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SpeechGate.Server;
using SpeechGate.Server.Authentication;
using SpeechGate.Server.Hosting;
using SpeechGate.Testing.FakeElevenLabs;

// Usage: CacheHits [max-seconds=300]. Starts the fake ElevenLabs server and the gateway (Release, logging at Warning) on
// 127.0.0.1, prints FAKE_URL/GATEWAY_URL/KEY/UPSTREAM_KEY/VOICE lines, and runs until SIGTERM/SIGINT or max-seconds.
var maxSeconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 300;
using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(maxSeconds));
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; stop.Cancel(); });
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => { context.Cancel = true; stop.Cancel(); });

await using var upstream = await FakeElevenLabsServer.StartAsync();
var dataDirectory = Directory.CreateTempSubdirectory("speechgate-cache-bench-").FullName;
var app = GatewayApplication.Build(new GatewayHostOptions
{
    Port = 0,
    DataDirectory = dataDirectory,

    // The bench measures the cache, not the per-key rate limit (600/min by default would refuse most of the run).
    RateLimitPermits = int.MaxValue,
    Configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Logging:LogLevel:Default"] = "Warning",
        ["Providers:ElevenLabs:ApiKey"] = upstream.ApiKey,
        ["Providers:ElevenLabs:BaseUrl"] = upstream.BaseAddress.ToString(),
        ["Providers:ElevenLabs:Tier"] = "enterprise",
        ["VoiceHealth:Interval"] = "0",
    }).Build(),
});
await app.StartAsync();
var key = await app.Services.GetRequiredService<GatewayKeyStore>().CreateAsync("bench");
var gateway = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

Console.WriteLine($"FAKE_URL={upstream.BaseAddress.ToString().TrimEnd('/')}");
Console.WriteLine($"GATEWAY_URL={gateway.TrimEnd('/')}");
Console.WriteLine($"KEY={key.Secret}");
Console.WriteLine($"UPSTREAM_KEY={upstream.ApiKey}");
Console.WriteLine($"VOICE={FakeVoiceCatalog.Rachel}");
Console.WriteLine("READY");
await Console.Out.FlushAsync();

try
{
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
    // Stopped by the script or by max-seconds.
}

Console.WriteLine($"upstream text-to-speech calls: {upstream.Requests.Count(r => r.Path.StartsWith("/v1/text-to-speech/", StringComparison.Ordinal))}");
await app.StopAsync();
await app.DisposeAsync();
try
{
    Directory.Delete(dataDirectory, recursive: true);
}
catch (IOException)
{
    // SQLite may still hold a file for a moment; the temporary directory is harmless.
}

