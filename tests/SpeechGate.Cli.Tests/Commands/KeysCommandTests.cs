using System.Text.Json;
using SpeechGate.Testing;

namespace SpeechGate.Cli.Tests.Commands;

[Collection(SharedGatewayKeys.Name)]
public class KeysCommandTests
{
    [Fact]
    public async Task KeysCreateListRevoke_RoundTrip()
    {
        var name = "ci-" + Guid.NewGuid().ToString("N")[..8];

        var created = await CliRun.InvokeAsync(new FakeSpeechSynthesizer(), "keys", "create", "--name", name);
        var listed = await CliRun.InvokeAsync(new FakeSpeechSynthesizer(), "keys", "list", "--json");
        var revoked = await CliRun.InvokeAsync(new FakeSpeechSynthesizer(), "keys", "revoke", name);
        var again = await CliRun.InvokeAsync(new FakeSpeechSynthesizer(), "keys", "revoke", name);

        Assert.Equal(0, created.ExitCode);
        Assert.StartsWith("sg_", created.Output.Trim(), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(listed.Output);
        var row = json.RootElement.EnumerateArray().Single(k => k.GetProperty("name").GetString() == name);
        Assert.DoesNotContain(created.Output.Trim(), listed.Output, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, row.GetProperty("revokedAt").ValueKind);
        Assert.Equal(0, revoked.ExitCode);
        Assert.Equal(2, again.ExitCode);
    }

    [Fact]
    public async Task KeysCreate_EmptyName_ExitsTwo()
    {
        var run = await CliRun.InvokeAsync(new FakeSpeechSynthesizer(), "keys", "create", "--name", " ");

        Assert.Equal(2, run.ExitCode);
    }
}
