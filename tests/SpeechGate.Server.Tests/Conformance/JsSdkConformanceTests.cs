using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SpeechGate.Server.Authentication;
using SpeechGate.Server.Tests.Fakes;
using SpeechGate.Testing;

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
        var scriptDirectory = Path.Combine(ExternalCommand.RepositoryRoot(), "tests", "conformance-js");
        if (!Directory.Exists(Path.Combine(scriptDirectory, "node_modules")))
        {
            var install = await ExternalCommand.RunAsync("npm", scriptDirectory, TimeSpan.FromMinutes(5), null, "ci", "--no-audit", "--no-fund");
            Assert.True(install.ExitCode == 0, "npm ci failed:\n" + install.Output);
        }

        await using var gateway = await LocalEngineGateway.StartAsync();
        var outDirectory = Path.Combine(gateway.DataDirectory, "audio");
        var key = await gateway.App.Services.GetRequiredService<GatewayKeyStore>().CreateAsync("conformance");
        var baseUrl = gateway.BaseAddress.ToString();

        var run = await ExternalCommand.RunAsync("node", scriptDirectory, TimeSpan.FromMinutes(5), null, "conformance.mjs", baseUrl, key.Secret, outDirectory);

        Assert.True(run.ExitCode == 0, "the JS SDK conformance script failed:\n" + run.Output);
        Assert.Contains("conformance: all passed", run.Output, StringComparison.Ordinal);
        foreach (var file in new[] { "convert.mp3", "convert.wav", "stream.mp3", "timestamps.mp3", "stream-timestamps.mp3" })
        {
            var soxi = await ExternalCommand.RunAsync("soxi", outDirectory, TimeSpan.FromMinutes(1), null, "-D", file);
            Assert.True(soxi.ExitCode == 0, $"soxi could not decode {file}:\n{soxi.Output}");
            Assert.True(double.Parse(soxi.Output.Trim(), CultureInfo.InvariantCulture) > 0.5, $"{file} is too short: {soxi.Output}");
        }
    }
}
