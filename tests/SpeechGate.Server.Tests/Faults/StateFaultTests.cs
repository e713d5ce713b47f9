using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using SpeechGate.Server.Tests.Endpoints;
using SpeechGate.Server.Tests.Pipeline;
using SpeechGate.Storage;

namespace SpeechGate.Server.Tests.Faults;

/// <summary>Issue 11, finding 6: broken state degrades (cache) or refuses clearly (keys, ledger); a locked ledger answers 503 before paying.</summary>
public sealed class StateFaultTests
{
    private const string Text = "State faults must never cost money.";

    [Fact]
    public async Task CorruptCacheIndex_GatewayStartsWithAFreshIndex_ServesAndCachesAgain()
    {
        var data = Directory.CreateTempSubdirectory("speechgate-state-").FullName;
        Directory.CreateDirectory(Path.Combine(data, "cache"));
        await File.WriteAllTextAsync(Path.Combine(data, "cache", "index.db"), "this is not a SQLite database, it was overwritten by accident");

        await using var pipeline = await PipelineGateway.StartAsync(configure: options => options.DataDirectory = data);
        var answer = await SdkClient.SendAsync(pipeline.Client, () => FaultGateway.Tts("/stream", Text));
        await pipeline.WaitForEntriesAsync(1);
        using var repeat = await pipeline.Client.SendAsync(FaultGateway.Tts("/stream", Text));

        Assert.Equal((200, 1), (answer.Status, answer.Attempts));
        Assert.Equal(Text.Length, pipeline.Upstream.BilledCharacters);
        Assert.Equal(Text.Length, await FaultGateway.LedgerSpentAsync(pipeline));
        Assert.Equal(1, await FaultGateway.CacheEntriesAsync(pipeline));
        Assert.Equal("hit", TextToSpeechEndpointsTests.Header(repeat, "x-speechgate-cache"));
        Assert.Single(Directory.GetFiles(Path.Combine(data, "cache"), "index.db.corrupt-*"));
    }

    [Theory]
    [InlineData("gateway.db", "gateway key store")]
    [InlineData("speechgate.db", "budgets and ledger database")]
    public async Task CorruptStateFile_GatewayRefusesToStartWithOneClearLine(string file, string named)
    {
        var data = Directory.CreateTempSubdirectory("speechgate-state-").FullName;
        await File.WriteAllTextAsync(Path.Combine(data, file), "garbage that is not a database, garbage that is not a database");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => PipelineGateway.StartAsync(configure: options => options.DataDirectory = data));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(data, file), error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task LockedLedger_Answers503BeforeAnyUpstreamCall_ThenServesOnceFree()
    {
        await using var pipeline = await PipelineGateway.StartAsync();
        var database = pipeline.Gateway.App.Services.GetRequiredKeyedService<SqliteDatabase>(BudgetingServiceCollectionExtensions.DatabaseServiceKey);
        await using (var locker = new SqliteConnection($"Data Source={database.Path}"))
        {
            await locker.OpenAsync();
            await using var transaction = locker.BeginTransaction(deferred: false);

            using var locked = await pipeline.Client.SendAsync(FaultGateway.Tts("/stream", Text));

            await MalformedInputTests.AssertDetailAsync(locked, 503, "service_unavailable");
            Assert.Empty(pipeline.UpstreamTts);
        }

        var answer = await SdkClient.SendAsync(pipeline.Client, () => FaultGateway.Tts("/stream", Text));

        Assert.Equal((200, 1), (answer.Status, answer.Attempts));
        Assert.Single(pipeline.UpstreamTts);
        Assert.Equal(Text.Length, pipeline.Upstream.BilledCharacters);
        Assert.Equal(Text.Length, await FaultGateway.LedgerSpentAsync(pipeline));
    }
}
