using Microsoft.Extensions.DependencyInjection;
using SpeechGate.Providers.ElevenLabs;
using SpeechGate.Testing;
using SpeechGate.Testing.FakeElevenLabs;
using SpeechGate.VoiceResolution;
using SpeechGate.Voices;

namespace SpeechGate.Cli.Tests.Commands;

/// <summary>Runs the CLI against the fake ElevenLabs server over real HTTP, with voices.yaml in a temp directory.</summary>
internal sealed class FakeElevenLabsCli : IAsyncDisposable
{
    private FakeElevenLabsCli(FakeElevenLabsServer server) => Server = server;

    public FakeElevenLabsServer Server { get; }

    public FakeSpeechSynthesizer Local { get; } = new();

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("speechgate-cli-voices-").FullName;

    public string CatalogPath => Path.Combine(Directory, "voices.yaml");

    public string LockPath => Path.Combine(Directory, "voices.lock");

    public string NoticesPath => Path.Combine(Directory, "voice-notices.json");

    public string? Mode { get; set; }

    /// <summary>A cache directory shared by every run of this CLI (null: a fresh cache per run).</summary>
    public string? CacheDirectory { get; set; }

    /// <summary>Use the real eSpeak NG provider as "local" instead of the fake.</summary>
    public bool RealLocalEngine { get; set; }

    public static async Task<FakeElevenLabsCli> StartAsync(string yaml)
    {
        var cli = new FakeElevenLabsCli(await FakeElevenLabsServer.StartAsync());
        await File.WriteAllTextAsync(cli.CatalogPath, yaml);
        return cli;
    }

    public Task<CliRun> RunAsync(params string[] args)
        => CliRun.InvokeAsync(Local, new FakeVoiceDirectory("local", new VoiceInfo("en-us", "English", "premade", "local")), Configure, args);

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    private void Configure(IServiceCollection services)
    {
        if (RealLocalEngine)
        {
            foreach (var fake in services.Where(service => service.IsKeyedService && Equals(service.ServiceKey, "local")).ToList())
            {
                services.Remove(fake);
            }

            services.AddLocalSpeechProvider();
        }

        if (CacheDirectory is { } cache)
        {
            services.Configure<SpeechGate.Caching.SpeechCacheOptions>(options => options.Directory = cache);
        }

        services.AddElevenLabsSpeechProvider();
        services.AddElevenLabsVoiceUpstream();
        services.Configure<ElevenLabsOptions>(options =>
        {
            options.ApiKey = Server.ApiKey;
            options.BaseUrl = Server.BaseAddress;
        });
        services.Configure<VoiceResolutionOptions>(options =>
        {
            options.File = CatalogPath;
            options.Mode = Mode;
            options.NoticesFile = NoticesPath;
        });
    }
}
