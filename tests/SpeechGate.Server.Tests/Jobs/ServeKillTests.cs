using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using SpeechGate.Testing.Delivery;

namespace SpeechGate.Server.Tests.Jobs;

/// <summary>
/// <c>serve</c> killed with SIGKILL in the middle of a run and started again: the run resumes, no line is paid twice
/// (one provider call per line in the ledger) and the receiver sees one idempotency key.
/// </summary>
public sealed class ServeKillTests
{
    private const int Lines = 24;

    [Fact]
    public async Task KilledMidRun_Restarted_ResumesWithoutPayingAnyLineTwice_AndDeliversUnderOneKey()
    {
        var data = Directory.CreateTempSubdirectory("speechgate-kill-").FullName;
        var script = Path.Combine(data, "long.yaml");
        var yaml = new StringBuilder("lines:\n");
        for (var i = 1; i <= Lines; i++)
        {
            yaml.Append(System.Globalization.CultureInfo.InvariantCulture, $"  - id: l{i}\n    text: Line {i} of the long read, which says a few sentences so that each line takes the engine a moment. It goes on a little longer than that.\n");
        }

        await File.WriteAllTextAsync(script, yaml.ToString());
        await using var receiver = await WebhookReceiver.StartAsync();
        var settings = Path.Combine(data, "settings.json");
        await File.WriteAllTextAsync(settings, new JsonObject
        {
            ["Logging"] = new JsonObject { ["LogLevel"] = new JsonObject { ["Default"] = "Warning" } },
            ["Providers"] = new JsonObject { ["Default"] = "local" },
            ["VoiceHealth"] = new JsonObject { ["Interval"] = "0" },
            ["JobService"] = new JsonObject { ["LeaseDuration"] = "00:00:02", ["PollInterval"] = "00:00:00.200" },
            ["Jobs"] = new JsonObject
            {
                ["long"] = new JsonObject
                {
                    ["Script"] = script,
                    ["Deliver"] = new JsonArray(new JsonObject { ["Type"] = "webhook", ["Url"] = receiver.Url.ToString(), ["Secret"] = receiver.Secret }),
                },
            },
        }.ToJsonString());

        string id;
        await using (var first = await ServeProcess.StartAsync(data, settings))
        {
            using var created = await first.Client.PostAsJsonAsync("/v1/speechgate/renders", new { job = "long" });
            id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("render_id").GetString()!;
            var progress = await WaitAsync(first.Client, id, run => run.GetProperty("progress").GetProperty("done").GetInt32() >= 3);
            Assert.Equal("rendering", progress.GetProperty("status").GetString());
            Assert.True(progress.GetProperty("progress").GetProperty("done").GetInt32() < Lines, "the render finished before the kill");
            await first.KillAsync();
        }

        await using var second = await ServeProcess.StartAsync(data, settings);
        var finished = await WaitAsync(second.Client, id, run => run.GetProperty("status").GetString() is "succeeded" or "failed");

        Assert.Equal("succeeded", finished.GetProperty("status").GetString());
        Assert.Equal(2, finished.GetProperty("attempts").GetInt32());
        Assert.Equal(Lines, finished.GetProperty("progress").GetProperty("done").GetInt32());
        var paidPerLine = await PaidPerLineAsync(Path.Combine(data, "speechgate.db"));
        Assert.Equal(Lines, paidPerLine.Count);
        // A line the kill interrupted (at most one per render slot: the local engine renders ProcessorCount lines at once)
        // was never answered whole, so the restart synthesises it again; every line answered before the kill is a cache
        // hit. (With ElevenLabs such an interrupted line is the money issue's History recovery, not the job's.)
        Assert.All(paidPerLine, line => Assert.True(line.Value <= 2, $"line {line.Key} was synthesised {line.Value} times"));
        Assert.True(paidPerLine.Count(line => line.Value == 2) <= Environment.ProcessorCount, $"{paidPerLine.Count(line => line.Value == 2)} lines were synthesised twice");
        var hooks = await receiver.WaitForAsync(1, TimeSpan.FromSeconds(10));
        Assert.All(hooks, hook => Assert.True(hook.SignatureValid));
        Assert.Equal([$"long:{finished.GetProperty("manifest_sha256").GetString()}"], hooks.Select(h => h.IdempotencyKey).Distinct());
    }

    private static async Task<JsonElement> WaitAsync(HttpClient client, string id, Func<JsonElement, bool> done)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (true)
        {
            var run = JsonDocument.Parse(await client.GetStringAsync($"/v1/speechgate/renders/{id}", timeout.Token)).RootElement;
            if (done(run))
            {
                return run.Clone();
            }

            await Task.Delay(25, timeout.Token);
        }
    }

    // A provider call is a cache miss in the ledger (the local engine bills 0 credits, but it is the same row a paid call writes).
    private static async Task<Dictionary<string, long>> PaidPerLineAsync(string database)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT line_id, COUNT(*) FROM ledger WHERE cache_status IN ('miss', 'bypass') GROUP BY line_id";
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new Dictionary<string, long>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            lines[reader.GetString(0)] = reader.GetInt64(1);
        }

        return lines;
    }
}
