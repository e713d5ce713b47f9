using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SpeechGate.Server.Hosting;

namespace SpeechGate.Server.Tests.Fakes;

/// <summary>A real gateway on 127.0.0.1:0 with the real local (eSpeak NG) provider: no fakes at all.</summary>
internal sealed class LocalEngineGateway : IAsyncDisposable
{
    private LocalEngineGateway(WebApplication app, string dataDirectory)
    {
        App = app;
        DataDirectory = dataDirectory;
        BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public WebApplication App { get; }

    public string DataDirectory { get; }

    public Uri BaseAddress { get; }

    public static async Task<LocalEngineGateway> StartAsync()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("speechgate-local-gateway-").FullName;
        var app = GatewayApplication.Build(new GatewayHostOptions
        {
            Port = 0,
            DataDirectory = dataDirectory,
            Configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Warning",
                ["Providers:Default"] = "local",
            }).Build(),
        });
        await app.StartAsync();
        return new LocalEngineGateway(app, dataDirectory);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
