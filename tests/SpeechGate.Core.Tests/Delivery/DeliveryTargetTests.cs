using System.Security.Cryptography;
using System.Text;
using SpeechGate.Delivery;

namespace SpeechGate.Core.Tests.Delivery;

public sealed class DeliveryTargetTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Signature_IsHmacSha256OfTimestampDotBody_AndVerifies()
    {
        var body = Encoding.UTF8.GetBytes("{\"run_id\":\"run_1\"}");

        var header = WebhookSignature.Create("secret", Now, body);

        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes("secret"), Encoding.UTF8.GetBytes($"{Now.ToUnixTimeSeconds()}.{{\"run_id\":\"run_1\"}}")));
        Assert.Equal($"t={Now.ToUnixTimeSeconds()},v0={expected}", header);
        Assert.True(WebhookSignature.Verify("secret", header, body, Now.AddSeconds(10), TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify("other", header, body, Now, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify("secret", header, Encoding.UTF8.GetBytes("{}"), Now, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify("secret", header, body, Now.AddMinutes(10), TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify("secret", "t=abc,v0=00", body, Now, TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public async Task Folder_AppearsWhole_RepeatIsANoOp_AndANewRenderReplacesIt()
    {
        var root = Directory.CreateTempSubdirectory("speechgate-folder-").FullName;
        var first = await RenderAsync(Path.Combine(root, "render-1"), "one");
        var target = new FolderDeliveryTarget("folder", Path.Combine(root, "out"));

        Assert.StartsWith("delivered", await target.DeliverAsync(first));
        Assert.StartsWith("already", await target.DeliverAsync(first));
        Assert.Equal("one", await File.ReadAllTextAsync(Path.Combine(root, "out", "episode", "lines", "001.mp3")));

        var second = await RenderAsync(Path.Combine(root, "render-2"), "two");
        Assert.StartsWith("delivered", await target.DeliverAsync(second));

        Assert.Equal("two", await File.ReadAllTextAsync(Path.Combine(root, "out", "episode", "lines", "001.mp3")));
        Assert.Equal(["episode"], Directory.GetDirectories(Path.Combine(root, "out")).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Folder_Unwritable_IsADeliveryException()
    {
        var root = Directory.CreateTempSubdirectory("speechgate-folder-").FullName;
        var package = await RenderAsync(Path.Combine(root, "render"), "x");
        var blocker = Path.Combine(root, "not-a-folder");
        await File.WriteAllTextAsync(blocker, "file");

        await Assert.ThrowsAsync<DeliveryException>(() => new FolderDeliveryTarget("folder", blocker).DeliverAsync(package));
    }

    [Fact]
    public void Files_ListTheManifestLast()
    {
        var root = Directory.CreateTempSubdirectory("speechgate-files-").FullName;
        Directory.CreateDirectory(Path.Combine(root, "lines"));
        File.WriteAllText(Path.Combine(root, "manifest.json"), "{}");
        File.WriteAllText(Path.Combine(root, "lines", "b.mp3"), "b");
        File.WriteAllText(Path.Combine(root, "a.srt"), "a");

        var package = new DeliveryPackage("run_1", "job", "name", root, "0") { FilesBaseUrl = new Uri("http://127.0.0.1:5270/v1/speechgate/renders/run_1/files/") };

        Assert.Equal(["a.srt", "lines/b.mp3", "manifest.json"], package.Files());
        Assert.Equal("http://127.0.0.1:5270/v1/speechgate/renders/run_1/files/lines/b.mp3", package.UrlOf("lines/b.mp3")!.ToString());
    }

    private static async Task<DeliveryPackage> RenderAsync(string directory, string content)
    {
        Directory.CreateDirectory(Path.Combine(directory, "lines"));
        await File.WriteAllTextAsync(Path.Combine(directory, "lines", "001.mp3"), content);
        var manifest = Encoding.UTF8.GetBytes($"{{\"content\":\"{content}\"}}");
        await File.WriteAllBytesAsync(Path.Combine(directory, "manifest.json"), manifest);
        return new DeliveryPackage("run_" + content, "job", "episode", directory, Convert.ToHexStringLower(SHA256.HashData(manifest)));
    }
}
