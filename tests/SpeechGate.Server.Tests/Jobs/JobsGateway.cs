using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SpeechGate.Cli.Tests.Commands;
using SpeechGate.Jobs;
using SpeechGate.Server.Hosting;
using SpeechGate.Testing.FakeElevenLabs;

namespace SpeechGate.Server.Tests.Jobs;

/// <summary>
/// The real gateway (real Kestrel on 127.0.0.1, real SQLite, the whole pipeline) with jobs configured, speaking with the
/// real local engine or, when given, through the fake ElevenLabs server.
/// </summary>
internal sealed class JobsGateway : IAsyncDisposable
{
    private JobsGateway(WebApplication app, string dataDirectory)
    {
        App = app;
        DataDirectory = dataDirectory;
        BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        Client = new HttpClient { BaseAddress = BaseAddress };
    }

    public WebApplication App { get; }

    public string DataDirectory { get; }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public IJobRunStore Runs => App.Services.GetRequiredService<IJobRunStore>();

    public static async Task<JobsGateway> StartAsync(IDictionary<string, string?> jobs, FakeElevenLabsServer? upstream = null, string? dataDirectory = null)
    {
        dataDirectory ??= Directory.CreateTempSubdirectory("speechgate-jobs-").FullName;
        var values = new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["VoiceHealth:Interval"] = "0",
            ["Voices:File"] = null,
            ["JobService:PollInterval"] = "00:00:00.200",
            ["JobService:DeliveryRetryDelay"] = "00:00:00.050",
            ["JobService:MaxDeliveryRetryDelay"] = "00:00:00.200",
        };
        if (upstream is null)
        {
            values["Providers:Default"] = "local";
        }
        else
        {
            values["Providers:Default"] = "elevenlabs";
            values["Providers:ElevenLabs:ApiKey"] = upstream.ApiKey;
            values["Providers:ElevenLabs:BaseUrl"] = upstream.BaseAddress.ToString();
            values["Providers:ElevenLabs:MaxRetries"] = "0";
            values["Providers:ElevenLabs:Tier"] = "pro";
        }

        foreach (var (key, value) in jobs)
        {
            values[key] = value;
        }

        if (upstream is not null)
        {
            // The real renderer decodes what it joins: the fake answers decodable, speech-like MP3.
            upstream.Behavior.AudioFactory = SpeechLikeMp3.Create;
        }

        // The real renderer (VoiceoverRenderer, registered by AddSpeechGate) with the real codecs.
        var app = GatewayApplication.Build(new GatewayHostOptions
        {
            Port = 0,
            DataDirectory = dataDirectory,
            Configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build(),
        });
        await app.StartAsync();
        return new JobsGateway(app, dataDirectory);
    }

    /// <summary>Waits (bounded) until some run satisfies <paramref name="done"/>, and returns it.</summary>
    public async Task<JobRun> WaitForRunAsync(Func<JobRun, bool> done, TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var runs = await Runs.ListAsync(null, 100);
            if (runs.FirstOrDefault(done) is { } run)
            {
                return run;
            }

            try
            {
                await Task.Delay(50, cancellation.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException("No run reached the expected state; runs: " + string.Join("; ", runs.Select(r => $"{r.Id} {r.Job} {r.Status} {r.Message}")));
            }
        }
    }

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public Task<HttpResponseMessage> PostRenderAsync(object body) => Client.PostAsJsonAsync("/v1/speechgate/renders", body);

    public static string Seconds(double seconds) => TimeSpan.FromSeconds(seconds).ToString("c", CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
