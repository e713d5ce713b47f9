using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SpeechGate.Benchmarks;
using SpeechGate.Synthesis;
using SpeechGate.Testing.FakeElevenLabs;

// Per-request overhead of the ElevenLabs provider over a raw HttpClient call to the same fake, same run, same request.
var iterations = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 5_000;
var warmup = Math.Max(200, iterations / 10);

await using var fake = await FakeElevenLabsServer.StartAsync();
fake.Account.CharacterLimit = long.MaxValue / 2;
fake.Behavior.ConcurrencyLimit = 1_000;

var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["ELEVENLABS_API_KEY"] = fake.ApiKey,
    ["ELEVENLABS_BASE_URL"] = fake.BaseAddress.ToString(),
    ["Providers:ElevenLabs:Tier"] = "business",
}).Build();
await using var services = new ServiceCollection()
    .AddSingleton<IConfiguration>(configuration)
    .AddLogging()
    .AddElevenLabsSpeechProvider()
    .BuildServiceProvider();
var provider = services.GetRequiredKeyedService<ISpeechSynthesizer>("elevenlabs");
using var raw = new RawElevenLabsCall(fake.BaseAddress, fake.ApiKey);
var request = new SpeechRequest("Hello world, this is the overhead benchmark.", FakeVoiceCatalog.Rachel) { ModelId = "eleven_flash_v2_5" };

var runner = new OverheadRunner(
    baseline: raw.SendAsync,
    candidate: async () =>
    {
        await using var audio = await provider.SynthesizeAsync(request);
        long bytes = 0;
        await foreach (var chunk in audio.Chunks)
        {
            bytes += chunk.Audio.Length;
        }

        return bytes;
    });

var result = await runner.RunAsync(warmup, iterations);
Console.WriteLine(result.Format(iterations, warmup, request.Format.Name));
