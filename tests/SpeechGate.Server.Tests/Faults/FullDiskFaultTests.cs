using System.Diagnostics;
using SpeechGate.Server.Tests.Pipeline;

namespace SpeechGate.Server.Tests.Faults;

/// <summary>Issue 11, finding 1: the data directory's filesystem fills up while paid calls are in flight (a real tmpfs).</summary>
public sealed class FullDiskFaultTests
{
    private const int InFlight = 3;

    [RootFact]
    public async Task DiskFillsWhilePaidCallsAreInFlight_ClientsGetTheirAudio_LedgerCatchesUpFromTheBacklog()
    {
        var mount = Directory.CreateTempSubdirectory("speechgate-fulldisk-").FullName;
        Run("mount", "-t", "tmpfs", "-o", "size=6m", "tmpfs", mount);
        try
        {
            await using var pipeline = await PipelineGateway.StartAsync(configure: options => options.DataDirectory = mount);
            await FaultGateway.SetBudgetAsync(pipeline, 100_000);
            var warm = await SdkClient.SendAsync(pipeline.Client, () => FaultGateway.Tagged(FaultGateway.Tts("/stream", "Warm the database files up.")));
            await pipeline.WaitForEntriesAsync(1);
            pipeline.Upstream.Behavior.FirstByteDelay = TimeSpan.FromSeconds(2);

            // Paid calls already sent upstream (reserved, marked sent) when the disk fills: their bookkeeping must fail.
            var answers = Enumerable.Range(0, InFlight).Select(i => SdkClient.SendAsync(pipeline.Client,
                () => FaultGateway.Tagged(FaultGateway.Tts("/stream", $"In flight when the disk filled up, number {i}.")))).ToList();
            await WaitUntilAsync(() => pipeline.UpstreamTts.Count == 1 + InFlight);
            var filler = Fill(mount);
            var results = await Task.WhenAll(answers);
            var heldWhileFull = FaultGateway.Backlog(pipeline).PendingRows;

            // A new call while the disk is full cannot reserve: refused before any upstream call, with a status that costs nothing.
            pipeline.Upstream.Behavior.FirstByteDelay = TimeSpan.Zero;
            var refused = await SdkClient.SendAsync(pipeline.Client, () => FaultGateway.Tagged(FaultGateway.Tts("/stream", "Asked while the disk is full.")));
            var callsWhileFull = pipeline.UpstreamTts.Count;
            File.Delete(filler);

            Assert.True(warm.Ok);
            Assert.All(results, r => Assert.Equal((200, 1), (r.Status, r.Attempts)));
            Assert.Equal(pipeline.UpstreamTts.Skip(1).Select(r => FaultGateway.UpstreamClip(pipeline, r)).OrderBy(Convert.ToBase64String),
                results.Select(r => r.Body).OrderBy(Convert.ToBase64String));
            Assert.True(heldWhileFull > 0, "the ledger rows should have waited in the backlog while the disk was full");
            Assert.Equal(503, refused.Status);
            Assert.Equal(1 + InFlight, callsWhileFull);
            Assert.Equal(pipeline.Upstream.BilledCharacters, await FaultGateway.LedgerSpentAsync(pipeline));
            Assert.Equal(0, FaultGateway.Backlog(pipeline).PendingRows);
            Assert.Equal((pipeline.Upstream.BilledCharacters, 0L), await FaultGateway.BudgetAsync(pipeline));
            Assert.Equal(1, await FaultGateway.CacheEntriesAsync(pipeline));
        }
        finally
        {
            Run("umount", "-l", mount);
            Directory.Delete(mount, recursive: true);
        }
    }

    private static string Fill(string directory)
    {
        var path = Path.Combine(directory, "filler.bin");
        var block = new byte[64 * 1024];
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.WriteThrough);
        try
        {
            while (true)
            {
                file.Write(block);
            }
        }
        catch (IOException)
        {
            // Full. Top up the last partial block so not a byte is left.
            try
            {
                for (var size = block.Length / 2; size > 0; size /= 2)
                {
                    try
                    {
                        file.Write(block, 0, size);
                    }
                    catch (IOException)
                    {
                    }
                }
            }
            catch (IOException)
            {
            }
        }

        return path;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 1000 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition());
    }

    private static void Run(string command, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(command, arguments) { RedirectStandardError = true })!;
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{command} failed: {process.StandardError.ReadToEnd()}");
    }
}
