using System.Globalization;

namespace SpeechGate.Cli.Tests.Hosting;

/// <summary>The ElevenLabs quickstart, unmodified, against <c>speechgate serve</c> with no key and the local engine.</summary>
public sealed class QuickstartTests
{
    [Fact]
    public async Task Serve_SeedQuickstartWithNoKey_CurlGetsGeorgesStandInAudio()
    {
        var data = Directory.CreateTempSubdirectory("speechgate-quickstart-").FullName;
        await using var serve = await ServeProcess.StartAsync(data);

        var curl = await CliProcess.RunToolAsync("curl", data,
            "-sS", "--fail-with-body", "-o", "quickstart.mp3", "-D", "headers.txt",
            "-X", "POST", new Uri(serve.BaseAddress, "/v1/text-to-speech/JBFqnCBsd6RMkjVDRZzb?output_format=mp3_44100_128").ToString(),
            "-H", "Content-Type: application/json",
            "-d", """{"text":"The first move is what sets everything in motion.","model_id":"eleven_multilingual_v2"}""");
        var soxi = await CliProcess.RunToolAsync("soxi", data, "-D", "quickstart.mp3");

        Assert.True(curl.ExitCode == 0, curl.Output + serve.Output);
        var headers = await File.ReadAllTextAsync(Path.Combine(data, "headers.txt"));
        Assert.Contains("content-type: audio/mpeg", headers, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("x-speechgate-local-voice: gmw/en-GB-x-rp+m3", headers, StringComparison.OrdinalIgnoreCase);
        Assert.True(soxi.ExitCode == 0, soxi.Output);
        Assert.True(double.Parse(soxi.Output.Trim(), CultureInfo.InvariantCulture) > 1.0, soxi.Output);
    }
}
