using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using SpeechGate.Synthesis;
using SpeechGate.Testing;

namespace SpeechGate.Cli.Tests.Commands;

[Collection(SharedGatewayKeys.Name)]
public partial class ServeCommandTests
{
    [Fact]
    public async Task Serve_PortZero_ServesTheGatewayUntilCancelled()
    {
        _ = CliRun.DataDirectory;
        var provider = new FakeSpeechSynthesizer();
        var error = new SynchronizedWriter();
        var context = new CliContext(TextWriter.Null, error, () => Stream.Null, () => Stream.Null);
        using var stop = new CancellationTokenSource();

        var run = CliApplication.RunAsync(["serve", "--port", "0"], context, services => services.AddKeyedSingleton<ISpeechSynthesizer>("local", provider), stop.Token);
        var address = await WaitForAddressAsync(error, run);
        using var http = new HttpClient { BaseAddress = new Uri(address) };
        var health = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
        var speech = await http.PostAsJsonAsync(new Uri("/v1/text-to-speech/voice1?output_format=mp3_44100_128", UriKind.Relative), new { text = "served by the CLI" });
        var bytes = await speech.Content.ReadAsByteArrayAsync();
        await stop.CancelAsync();

        Assert.Equal(0, await run);
        Assert.True(health.IsSuccessStatusCode);
        Assert.True(speech.IsSuccessStatusCode, await speech.Content.ReadAsStringAsync());
        Assert.Equal(FakeSpeechSynthesizer.ExpectedBytes(new SpeechRequest("served by the CLI", "voice1")), bytes);
    }

    private static async Task<string> WaitForAddressAsync(SynchronizedWriter error, Task<int> run)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            if (Address().Match(error.Text) is { Success: true } match)
            {
                return match.Value;
            }

            Assert.False(run.IsCompleted, "serve exited early: " + error.Text);
            await Task.Delay(50);
        }

        throw new TimeoutException("serve did not report its address: " + error.Text);
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+")]
    private static partial Regex Address();

    private sealed class SynchronizedWriter : StringWriter
    {
        private readonly Lock _gate = new();

        public string Text
        {
            get
            {
                lock (_gate)
                {
                    return ToString();
                }
            }
        }

        public override void Write(char value)
        {
            lock (_gate)
            {
                base.Write(value);
            }
        }

        public override void Write(string? value)
        {
            lock (_gate)
            {
                base.Write(value);
            }
        }

        public override Task WriteLineAsync(string? value)
        {
            lock (_gate)
            {
                base.WriteLine(value);
            }

            return Task.CompletedTask;
        }
    }
}
