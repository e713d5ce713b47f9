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
        // Installed again whenever a dependency of package.json is missing (a checkout that predates a new one).
        var install = await NpmPackages.EnsureInstalledAsync(scriptDirectory);
        Assert.True(install.ExitCode == 0, "npm ci failed:\n" + install.Output);

        await using var gateway = await LocalEngineGateway.StartAsync();
        var outDirectory = Path.Combine(gateway.DataDirectory, "audio");
        var key = await gateway.App.Services.GetRequiredService<GatewayKeyStore>().CreateAsync("conformance");
        var baseUrl = gateway.BaseAddress.ToString();

        var run = await ExternalCommand.RunAsync("node", scriptDirectory, TimeSpan.FromMinutes(5), null, "conformance.mjs", baseUrl, key.Secret, outDirectory);

        Assert.True(run.ExitCode == 0, "the JS SDK conformance script failed:\n" + run.Output);
        Assert.Contains("conformance: all passed", run.Output, StringComparison.Ordinal);
        // A streamed FLAC does not know its length up front (STREAMINFO says 0 samples): decode it, then measure.
        var flac = await ExternalCommand.RunAsync("sox", outDirectory, TimeSpan.FromMinutes(1), null, "openai.flac", "openai-flac.wav");
        Assert.True(flac.ExitCode == 0, "sox could not decode openai.flac:\n" + flac.Output);
        foreach (var file in new[] { "convert.mp3", "convert.wav", "stream.mp3", "timestamps.mp3", "stream-timestamps.mp3", "openai.mp3", "openai.wav", "openai-flac.wav", "openai-sse.mp3" })
        {
            await AssertDecodesAsync(outDirectory, file, 0.5);
        }

        // speed 2 must really be faster: the same text in well under the normal time.
        var normal = await DurationAsync(outDirectory, "openai.mp3");
        Assert.True(await DurationAsync(outDirectory, "openai-fast.mp3") < normal * 0.7, "speed 2 did not speed the audio up");
        var opus = await ExternalCommand.RunAsync("opusinfo", outDirectory, TimeSpan.FromMinutes(1), null, "openai.opus");
        Assert.True(opus.ExitCode == 0 && opus.Output.Contains("Opus", StringComparison.Ordinal), "opusinfo could not read openai.opus:\n" + opus.Output);
    }

    private static async Task AssertDecodesAsync(string directory, string file, double minimumSeconds)
        => Assert.True(await DurationAsync(directory, file) > minimumSeconds, $"{file} is too short");

    private static async Task<double> DurationAsync(string directory, string file)
    {
        var soxi = await ExternalCommand.RunAsync("soxi", directory, TimeSpan.FromMinutes(1), null, "-D", file);
        Assert.True(soxi.ExitCode == 0, $"soxi could not decode {file}:\n{soxi.Output}");
        return double.Parse(soxi.Output.Trim(), CultureInfo.InvariantCulture);
    }
}
