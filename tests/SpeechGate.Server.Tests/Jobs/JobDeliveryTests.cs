using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Amazon.S3.Model;
using SpeechGate.Delivery.S3;
using SpeechGate.Jobs;
using SpeechGate.Testing.Delivery;
using SpeechGate.Testing.FakeElevenLabs;

namespace SpeechGate.Server.Tests.Jobs;

/// <summary>Jobs in a running gateway: watched folders, folder and webhook delivery, retries without re-rendering.</summary>
public sealed class JobDeliveryTests
{
    private const string Script = """
        lines:
          - id: intro
            text: Welcome back to the show.
          - id: outro
            text: See you next week.
        """;

    [Fact]
    public async Task DroppedScript_InAWatchedFolder_IsDeliveredToAFolderAnS3BucketAndASignedWebhook()
    {
        var root = Directory.CreateTempSubdirectory("speechgate-watch-").FullName;
        var inbox = Path.Combine(root, "inbox");
        var outbox = Path.Combine(root, "out");
        Directory.CreateDirectory(inbox);
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var s3 = await S3rverProcess.StartAsync("voiceovers");
        await using var gateway = await JobsGateway.StartAsync(new Dictionary<string, string?>
        {
            ["Jobs:episodes:Deliver:2:Type"] = "s3",
            ["Jobs:episodes:Deliver:2:Endpoint"] = s3.Endpoint.ToString(),
            ["Jobs:episodes:Deliver:2:Bucket"] = "voiceovers",
            ["Jobs:episodes:Deliver:2:Prefix"] = "shows/",
            ["Jobs:episodes:Deliver:2:AccessKey"] = S3rverProcess.AccessKey,
            ["Jobs:episodes:Deliver:2:SecretKey"] = S3rverProcess.SecretKey,
            ["Jobs:episodes:Watch"] = Path.Combine(inbox, "*.yaml"),
            ["Jobs:episodes:Debounce"] = "00:00:00.200",
            ["Jobs:episodes:Deliver:0:Type"] = "folder",
            ["Jobs:episodes:Deliver:0:Path"] = outbox,
            ["Jobs:episodes:Deliver:1:Type"] = "webhook",
            ["Jobs:episodes:Deliver:1:Url"] = receiver.Url.ToString(),
            ["Jobs:episodes:Deliver:1:Secret"] = receiver.Secret,
        });

        await File.WriteAllTextAsync(Path.Combine(inbox, "episode-1.yaml"), Script);
        var run = await gateway.WaitForRunAsync(r => r.IsFinished);

        Assert.True(run.Status == JobRunStatus.Succeeded, $"{run.Status}: {run.ErrorStatus} {run.Message}");
        Assert.Equal("episodes", run.Job);
        Assert.Equal(2, run.Lines);
        var delivered = Path.Combine(outbox, "episode-1");
        var manifest = await File.ReadAllBytesAsync(Path.Combine(delivered, "manifest.json"));
        Assert.Equal(run.ManifestSha256, Convert.ToHexStringLower(SHA256.HashData(manifest)));
        Assert.Equal(2, Directory.GetFiles(Path.Combine(delivered, "lines")).Length);
        Assert.Empty(Directory.GetDirectories(outbox, ".*"));
        using var bucket = S3DeliveryTargetFactory.CreateClient(new DeliveryTargetOptions { Endpoint = s3.Endpoint.ToString(), AccessKey = S3rverProcess.AccessKey, SecretKey = S3rverProcess.SecretKey });
        var objects = await bucket.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "voiceovers", Prefix = "shows/episode-1/" });
        // The bucket holds exactly what the folder holds.
        var folderFiles = Directory.GetFiles(delivered, "*", SearchOption.AllDirectories).Select(f => "shows/episode-1/" + Path.GetRelativePath(delivered, f).Replace('\\', '/')).Order();
        Assert.Equal(folderFiles, objects.S3Objects.Select(o => o.Key).Order());
        Assert.Contains("shows/episode-1/lines/intro.mp3", folderFiles);
        using (var stored = await bucket.GetObjectAsync("voiceovers", "shows/episode-1/manifest.json"))
        using (var copy = new MemoryStream())
        {
            await stored.ResponseStream.CopyToAsync(copy);
            Assert.Equal(manifest, copy.ToArray());
            Assert.Equal($"episodes:{run.ManifestSha256}", stored.Metadata["idempotency-key"]);
        }

        var hook = Assert.Single(receiver.Requests);
        Assert.True(hook.SignatureValid);
        Assert.Equal($"episodes:{run.ManifestSha256}", hook.IdempotencyKey);

        // The webhook names every file with a URL the receiver can fetch from the gateway.
        using var body = JsonDocument.Parse(hook.Body);
        Assert.Equal(run.Id, body.RootElement.GetProperty("run_id").GetString());
        var files = body.RootElement.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal("manifest.json", files[^1].GetProperty("path").GetString());
        using var fetched = await gateway.Client.GetAsync(files[0].GetProperty("url").GetString());
        Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(delivered, files[0].GetProperty("path").GetString()!)), await fetched.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Webhook_AnsweringServerErrorTwice_GetsTheThirdAttemptWithTheSameKey_AndNothingIsPaidAgain()
    {
        await using var upstream = await FakeElevenLabsServer.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync(failures: 2);
        var script = Path.Combine(Directory.CreateTempSubdirectory("speechgate-script-").FullName, "promo.yaml");
        await File.WriteAllTextAsync(script, Script);
        await using var gateway = await JobsGateway.StartAsync(new Dictionary<string, string?>
        {
            ["Jobs:promo:Script"] = script,
            ["Jobs:promo:Deliver:0:Type"] = "webhook",
            ["Jobs:promo:Deliver:0:Url"] = receiver.Url.ToString(),
            ["Jobs:promo:Deliver:0:Secret"] = receiver.Secret,
        }, upstream);

        using var created = await gateway.PostRenderAsync(new { job = "promo" });
        Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("render_id").GetString();
        var billedAfterRender = 0L;
        var run = await gateway.WaitForRunAsync(r => r.Id == id && r.IsFinished);

        var hooks = receiver.Requests;
        Assert.True(run.Status == JobRunStatus.Succeeded, $"{run.Status}: {run.ErrorStatus} {run.Message}");
        Assert.Equal([500, 500, 200], hooks.Select(h => h.Status));
        Assert.Single(hooks.Select(h => h.IdempotencyKey).Distinct());
        Assert.Equal($"promo:{run.ManifestSha256}", hooks[0].IdempotencyKey);
        billedAfterRender = upstream.BilledCharacters;
        Assert.True(billedAfterRender > 0);
        Assert.Equal(2, upstream.Requests.Count(r => r.Path.StartsWith("/v1/text-to-speech/", StringComparison.Ordinal)));
        Assert.Equal(billedAfterRender, (long)run.Credits);
        var attempts = await gateway.Runs.GetDeliveryAttemptsAsync(run.Id);
        Assert.Equal([false, false, true], attempts.Select(a => a.Delivered));

        var status = await gateway.GetJsonAsync($"/v1/speechgate/renders/{id}");
        Assert.Equal("succeeded", status.GetProperty("status").GetString());
        Assert.Equal(run.Credits, status.GetProperty("credits").GetDouble());
        Assert.Equal(3, status.GetProperty("deliveries").GetArrayLength());
    }
}
