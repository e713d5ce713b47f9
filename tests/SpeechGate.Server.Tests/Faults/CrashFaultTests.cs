using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SpeechGate.Budgeting;
using SpeechGate.Server.Tests.Fakes;
using SpeechGate.Storage;
using SpeechGate.Testing.FakeElevenLabs;

namespace SpeechGate.Server.Tests.Faults;

/// <summary>Issue 11, finding 5: the gateway process is killed (SIGKILL) with calls in flight and calls waiting for an upstream slot.</summary>
public sealed partial class CrashFaultTests
{
    private const int Requests = 5;
    private const string Text = "Killed while this request was in flight or waiting for a slot.";

    [Fact]
    public async Task GatewayKilledWithCallsInFlight_RestartHoldsNothing_SentCallsLedgeredAsUnsettled()
    {
        await using var upstream = await FakeElevenLabsServer.StartAsync();
        upstream.Behavior.FirstByteDelay = TimeSpan.FromMinutes(5);
        var data = Directory.CreateTempSubdirectory("speechgate-crash-").FullName;
        var database = new SqliteDatabase(Path.Combine(data, "speechgate.db"), SqliteBudgetStore.Schema + Metering.SqliteUsageLedger.Schema, Metering.SqliteUsageLedger.Migrations);
        var budgets = new SqliteBudgetStore(database, TimeProvider.System);
        await budgets.SetAsync(new Budget(BudgetScope.Project, "faults", BudgetPeriod.Month, 10_000, BudgetMode.Hard));

        // The free tier allows 2 concurrent multilingual_v2 calls: 2 are sent (and billed), 3 wait for a slot.
        using var gateway = StartGatewayProcess(upstream, data);
        var address = await WaitForAddressAsync(gateway);
        using var client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(10) };
        var calls = Enumerable.Range(0, Requests).Select(async i =>
        {
            using var message = FaultGateway.Tagged(new HttpRequestMessage(HttpMethod.Post, $"/v1/text-to-speech/{FaultGateway.Voice}/stream") { Content = JsonContent.Create(new { text = $"{Text} {i}" }) });
            using var response = await client.SendAsync(message);
            return (int)response.StatusCode;
        }).ToList();
        await WaitUntilAsync(async () => upstream.Requests.Count(r => r.BilledCharacters > 0) == 2 && (await budgets.ListAsync()).Single().ReservedCredits == Requests * (Text.Length + 2));
        gateway.Kill(entireProcessTree: true);
        await gateway.WaitForExitAsync();
        var clients = await Task.WhenAll(calls.Select(async call =>
        {
            try
            {
                return await call;
            }
            catch (HttpRequestException)
            {
                return 0; // the connection died with the process
            }
        }));

        await using var restarted = await StartInProcessAsync(upstream, data);
        using var ledger = System.Text.Json.JsonDocument.Parse(await restarted.Client.GetStringAsync("/v1/speechgate/ledger"));
        var status = (await budgets.ListAsync()).Single();

        Assert.All(clients, c => Assert.Equal(0, c));
        Assert.Equal(2 * (Text.Length + 2), upstream.BilledCharacters);
        Assert.Equal(upstream.BilledCharacters, ledger.RootElement.GetProperty("totals")[0].GetProperty("spent_credits").GetInt64());
        Assert.Equal(2, ledger.RootElement.GetProperty("totals")[0].GetProperty("requests").GetInt64());
        Assert.Equal((upstream.BilledCharacters, 0L), (status.SpentCredits, status.ReservedCredits));
        Assert.Equal(0, (await restarted.App.Services.GetRequiredService<Caching.FileSpeechCache>().GetStatsAsync()).Entries);
    }

    private static Process StartGatewayProcess(FakeElevenLabsServer upstream, string data)
    {
        var server = Path.Combine(AppContext.BaseDirectory, "SpeechGate.Server.dll");
        var start = new ProcessStartInfo("dotnet", [server, "--port", "0"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["SPEECHGATE_DATA"] = data,
                ["ELEVENLABS_API_KEY"] = upstream.ApiKey,
                ["ELEVENLABS_BASE_URL"] = upstream.BaseAddress.ToString(),
                ["Providers__ElevenLabs__MaxRetries"] = "0",
                ["Providers__ElevenLabs__Tier"] = "free",
                ["VoiceHealth__Interval"] = "0",
                ["Logging__LogLevel__Default"] = "Information",
            },
        };
        return Process.Start(start)!;
    }

    private static async Task<string> WaitForAddressAsync(Process gateway)
    {
        var output = new System.Text.StringBuilder();
        while (await gateway.StandardOutput.ReadLineAsync() is { } line)
        {
            output.AppendLine(line);
            if (Address().Match(line) is { Success: true } match)
            {
                _ = gateway.StandardOutput.ReadToEndAsync();
                _ = gateway.StandardError.ReadToEndAsync();
                return match.Value;
            }
        }

        throw new InvalidOperationException("The gateway exited before listening: " + output + await gateway.StandardError.ReadToEndAsync());
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 3000; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(10);
        }

        Assert.Fail("condition not met");
    }

    private static Task<TestGateway> StartInProcessAsync(FakeElevenLabsServer upstream, string data) => TestGateway.StartAsync(
        options =>
        {
            options.DataDirectory = data;
            options.Configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Warning",
                ["Providers:ElevenLabs:ApiKey"] = upstream.ApiKey,
                ["Providers:ElevenLabs:BaseUrl"] = upstream.BaseAddress.ToString(),
                ["VoiceHealth:Interval"] = "0",
            }).Build();
        },
        dataDirectory: data);

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+")]
    private static partial Regex Address();
}
