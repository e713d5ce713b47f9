using System.Globalization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SpeechGate.Server.Authentication;
using SpeechGate.Server.Hosting;

namespace SpeechGate.Server.Tests.Conformance;

/// <summary>
/// The official ElevenLabs JS SDK (tests/conformance-js, pinned in package-lock.json) against a gateway on a free
/// loopback port with the real local (eSpeak NG) provider and a gateway key; the audio it saves must decode (soxi).
/// </summary>
[Trait("Category", "Conformance")]
public sealed class JsSdkConformanceTests
{
    [Fact]
    public async Task JsSdk_EveryCall_ParsesAndDecodes()
    {
        var scriptDirectory = Path.Combine(RepositoryRoot(), "tests", "conformance-js");
        if (!Directory.Exists(Path.Combine(scriptDirectory, "node_modules")))
        {
            var install = await ExternalProcess.RunAsync("npm", scriptDirectory, TimeSpan.FromMinutes(5), "ci", "--no-audit", "--no-fund");
            Assert.True(install.ExitCode == 0, "npm ci failed:\n" + install.Output);
        }

        var dataDirectory = Directory.CreateTempSubdirectory("speechgate-conformance-").FullName;
        var outDirectory = Path.Combine(dataDirectory, "audio");
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
        try
        {
            var key = await app.Services.GetRequiredService<GatewayKeyStore>().CreateAsync("conformance");
            var baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

            var run = await ExternalProcess.RunAsync("node", scriptDirectory, TimeSpan.FromMinutes(5), "conformance.mjs", baseUrl, key.Secret, outDirectory);

            Assert.True(run.ExitCode == 0, "the JS SDK conformance script failed:\n" + run.Output);
            Assert.Contains("conformance: all passed", run.Output, StringComparison.Ordinal);
            foreach (var file in new[] { "convert.mp3", "convert.wav", "stream.mp3", "timestamps.mp3", "stream-timestamps.mp3" })
            {
                var soxi = await ExternalProcess.RunAsync("soxi", outDirectory, TimeSpan.FromMinutes(1), "-D", file);
                Assert.True(soxi.ExitCode == 0, $"soxi could not decode {file}:\n{soxi.Output}");
                Assert.True(double.Parse(soxi.Output.Trim(), CultureInfo.InvariantCulture) > 0.5, $"{file} is too short: {soxi.Output}");
            }
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SpeechGate.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("SpeechGate.slnx not found above " + AppContext.BaseDirectory);
    }
}
