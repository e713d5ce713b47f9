using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SpeechGate.Server.Authentication;
using SpeechGate.Server.Hosting;
using SpeechGate.Synthesis;
using SpeechGate.Testing;
using SpeechGate.Voices;

namespace SpeechGate.Server.Tests.Fakes;

/// <summary>A real gateway on 127.0.0.1:0 with a fake "local" provider and a temporary data directory.</summary>
internal sealed class TestGateway : IAsyncDisposable
{
    public const string VoiceId = "voice1";

    private TestGateway(WebApplication app, string dataDirectory, FakeSpeechSynthesizer synthesizer)
    {
        App = app;
        DataDirectory = dataDirectory;
        Synthesizer = synthesizer;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
        Client = new HttpClient { BaseAddress = BaseAddress };
    }

    public WebApplication App { get; }

    public string DataDirectory { get; }

    public FakeSpeechSynthesizer Synthesizer { get; }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public GatewayKeyStore Keys => App.Services.GetRequiredService<GatewayKeyStore>();

    public static async Task<TestGateway> StartAsync(Action<GatewayHostOptions>? configure = null, Action<IServiceCollection>? services = null, string? dataDirectory = null, Action<WebApplication>? configureApp = null)
    {
        dataDirectory ??= Directory.CreateTempSubdirectory("speechgate-server-tests-").FullName;
        var synthesizer = new FakeSpeechSynthesizer();
        var options = new GatewayHostOptions
        {
            Port = 0,
            DataDirectory = dataDirectory,
            Configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning", ["Providers:Default"] = "local" }).Build(),
        };
        configure?.Invoke(options);
        var app = GatewayApplication.Build(options, collection =>
        {
            collection.AddKeyedSingleton<ISpeechSynthesizer>("local", synthesizer);
            collection.AddKeyedSingleton<IVoiceDirectory>("local", new FakeVoiceDirectory("local",
                new VoiceInfo(VoiceId, "Alice", "premade", "local") { Labels = new Dictionary<string, string> { ["accent"] = "american" } },
                new VoiceInfo("voice2", "Bob", "cloned", "local")));
            services?.Invoke(collection);
        });
        configureApp?.Invoke(app);
        await app.StartAsync();
        return new TestGateway(app, dataDirectory, synthesizer);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file briefly; the temp directory is harmless.
        }
    }
}
