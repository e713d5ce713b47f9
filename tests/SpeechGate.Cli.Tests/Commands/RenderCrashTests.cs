using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using SpeechGate.Testing.FakeElevenLabs;

namespace SpeechGate.Cli.Tests.Commands;

/// <summary>A render killed with SIGKILL half-way and run again bills every line exactly once.</summary>
public class RenderCrashTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task Render_KilledHalfWayThenRunAgain_BillsEveryLineExactlyOnce()
    {
        await using var cli = await RenderCommandTests.StartAsync();
        var lines = RenderCommandTests.Lines(30);
        var script = RenderCommandTests.WriteScript(cli, lines);
        var data = Path.Combine(cli.Directory, "data");
        var output = Path.Combine(cli.Directory, "out");
        var gate = new TaskCompletionSource();

        using (var first = Start(cli, data, script, output))
        {
            try
            {
                await WaitAsync(() => cli.Server.Requests.Count(IsAnswered) >= 12);
                cli.Server.Enqueue(FakeFault.Hold(gate.Task));
                await WaitAsync(() => cli.Server.Timeline.Events.Any(e => e.StartsWith("held:", StringComparison.Ordinal)));

                // Everything answered so far is stored (blob and index row) before the kill; the held request is not
                // billed yet. A clip paid but killed before it was stored is the History recovery's case, not this one.
                await WaitAsync(() => StoredEntries(data) >= cli.Server.Requests.Count(IsAnswered));
            }
            finally
            {
                first.Kill(entireProcessTree: true);
                await first.WaitForExitAsync().WaitAsync(HangGuard);
            }
        }

        // The held request is released only once the fake has seen its client go (a request nobody waits for any more is
        // never generated, hence never billed); releasing it earlier raced the fake's disconnect detection.
        await WaitAsync(() => cli.Server.Requests.Any(r => r.Aborted));
        gate.SetResult();
        var paidBeforeKill = cli.Server.Requests.Count(IsAnswered);
        Assert.InRange(paidBeforeKill, 12, 29);
        Assert.False(Directory.Exists(output));

        using var second = Start(cli, data, script, output);
        var error = second.StandardError.ReadToEndAsync();
        await second.WaitForExitAsync().WaitAsync(HangGuard);

        Assert.True(second.ExitCode == 0, await error);
        var texts = cli.Server.Requests.Where(IsAnswered).Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("text").GetString()!).ToList();
        Assert.Equal(lines.Select(l => l.Text).Order(StringComparer.Ordinal), texts.Order(StringComparer.Ordinal));
        Assert.Equal(lines.Sum(l => l.Text.Length), cli.Server.BilledCharacters);
        Assert.Equal(30, Directory.GetFiles(Path.Combine(output, "lines")).Length);
    }

    private static bool IsAnswered(FakeElevenLabsRequest request)
        => request.StatusCode == 200 && request.Path.StartsWith("/v1/text-to-speech/", StringComparison.Ordinal);

    private static Process Start(FakeElevenLabsCli cli, string data, string script, string output)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = cli.Directory };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "SpeechGate.Cli.dll"), "render", script, "-o", output, "--provider", "elevenlabs", "--concurrency", "1", "--json" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["SPEECHGATE_DATA"] = data;
        start.Environment["SPEECHGATE_Providers__ElevenLabs__ApiKey"] = cli.Server.ApiKey;
        start.Environment["SPEECHGATE_Providers__ElevenLabs__BaseUrl"] = cli.Server.BaseAddress.ToString();
        start.Environment["SPEECHGATE_Voices__File"] = cli.CatalogPath;
        var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        return process;
    }

    private static long StoredEntries(string data)
    {
        var index = Path.Combine(data, "cache", "index.db");
        if (!File.Exists(index))
        {
            return 0;
        }

        try
        {
            using var connection = new SqliteConnection($"Data Source={index};Mode=ReadOnly;Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM entries";
            return (long)command.ExecuteScalar()!;
        }
        catch (SqliteException)
        {
            // Being created or migrated by the child: look again.
            return 0;
        }
    }

    private static async Task WaitAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(HangGuard);
        while (!condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
