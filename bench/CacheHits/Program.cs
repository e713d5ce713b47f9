using System.Globalization;
using System.Runtime.InteropServices;
using SpeechGate.Testing.FakeElevenLabs;

// Usage: CacheHits [max-seconds=300]. Starts the fake ElevenLabs server (the upstream both nginx and `speechgate serve`
// sit in front of) on 127.0.0.1, prints FAKE_URL/UPSTREAM_KEY/VOICE lines, and runs until SIGTERM/SIGINT or max-seconds.
// The gateway itself is the shipped `speechgate serve`, started by bench/cache-hits.sh.
var maxSeconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 300;
using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(maxSeconds));
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; stop.Cancel(); });
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => { context.Cancel = true; stop.Cancel(); });

await using var upstream = await FakeElevenLabsServer.StartAsync();
Console.WriteLine($"FAKE_URL={upstream.BaseAddress.ToString().TrimEnd('/')}");
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
