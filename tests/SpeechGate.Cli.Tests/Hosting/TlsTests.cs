using System.Net.Security;
using System.Net.WebSockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using SpeechGate.Server.Hosting;
using SpeechGate.Testing;

namespace SpeechGate.Cli.Tests.Hosting;

/// <summary><c>speechgate certs create</c>, then <c>serve --https</c>, then real TLS clients that trust only that certificate.</summary>
public sealed class TlsTests
{
    [Fact]
    public async Task ServeHttps_CreatedCertificate_DotNetClientWebSocketCompletesStreamInputOverWss()
    {
        var data = await CreateCertificateAsync();
        var authority = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(GatewayCertificates.DevelopmentCertificatePath(data)));
        await using var serve = await ServeProcess.StartAsync(data, "--https");
        using var socket = new ClientWebSocket();
        socket.Options.RemoteCertificateValidationCallback = (_, certificate, _, errors) => TrustedBy(authority, certificate, errors);

        await socket.ConnectAsync(Wss(serve.BaseAddress), CancellationToken.None);
        await SendAsync(socket, """{"text":" "}""");
        await SendAsync(socket, """{"text":"Hello over TLS from dotnet. ","flush":true}""");
        await SendAsync(socket, """{"text":""}""");
        var (audio, final) = await ReceiveUntilCloseAsync(socket);

        Assert.StartsWith("https://", serve.BaseAddress.ToString(), StringComparison.Ordinal);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, socket.CloseStatus);
        Assert.True(final);
        Assert.True(audio > 1000, $"only {audio} audio bytes");
    }

    [Fact]
    public async Task ServeHttps_CreatedCertificate_NodeWsCompletesStreamInputOverWss()
    {
        var data = await CreateCertificateAsync();
        await using var serve = await ServeProcess.StartAsync(data, "--https");
        var scripts = Path.Combine(ExternalCommand.RepositoryRoot(), "tests", "conformance-js");
        var install = await NpmPackages.EnsureInstalledAsync(scripts);
        Assert.True(install.ExitCode == 0, install.Output);

        var node = await CliProcess.RunToolAsync("node", scripts, "wss-stream-input.mjs", Wss(serve.BaseAddress).ToString(), GatewayCertificates.DevelopmentCertificatePath(data));

        Assert.True(node.ExitCode == 0, node.Output + serve.Output);
        Assert.Contains("wss: ok", node.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServeHttps_UntrustedClient_IsRefusedByTheTlsHandshake()
    {
        var data = await CreateCertificateAsync();
        await using var serve = await ServeProcess.StartAsync(data, "--https");
        using var socket = new ClientWebSocket();

        await Assert.ThrowsAnyAsync<WebSocketException>(() => socket.ConnectAsync(Wss(serve.BaseAddress), CancellationToken.None));
    }

    [Fact]
    public async Task CertsCreate_WritesAPrivateKeyOnlyTheOwnerCanRead_AndRefusesToOverwrite()
    {
        var data = await CreateCertificateAsync();

        var again = await CliProcess.RunCliAsync(data, "certs", "create");

        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(GatewayCertificates.DevelopmentKeyPath(data)));
        }

        Assert.Equal(2, again.ExitCode);
        Assert.Contains("--force", again.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServeHttps_BadCertificateInConfiguration_IsOneLineAndExit2()
    {
        var data = Directory.CreateTempSubdirectory("speechgate-tls-").FullName;
        await File.WriteAllTextAsync(Path.Combine(data, "broken.pem"), "-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n");
        await File.WriteAllTextAsync(Path.Combine(data, "speechgate.json"), JsonSerializer.Serialize(new
        {
            Kestrel = new { Certificates = new { Default = new { Path = Path.Combine(data, "broken.pem"), KeyPath = Path.Combine(data, "broken.pem") } } },
        }));

        var run = await CliProcess.RunCliAsync(data, "serve", "--port", "0", "--https");

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: the TLS certificate", line, StringComparison.Ordinal);
        Assert.Contains("broken.pem", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServeHttps_NoCertificateAnywhere_SaysHowToCreateOne()
    {
        var data = Directory.CreateTempSubdirectory("speechgate-tls-").FullName;

        var run = await CliProcess.RunCliAsync(data, "serve", "--port", "0", "--https");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("speechgate certs create", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Output, StringComparison.Ordinal);
    }

    private static async Task<string> CreateCertificateAsync()
    {
        var data = Directory.CreateTempSubdirectory("speechgate-tls-").FullName;
        var create = await CliProcess.RunCliAsync(data, "certs", "create");
        Assert.True(create.ExitCode == 0, create.Output);
        Assert.True(File.Exists(GatewayCertificates.DevelopmentCertificatePath(data)), create.Output);
        return data;
    }

    // Trust exactly the created certificate as the root; the host name must still match (no name-mismatch error).
    private static bool TrustedBy(X509Certificate2 authority, X509Certificate? presented, SslPolicyErrors errors)
    {
        if (presented is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch) || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(X509CertificateLoader.LoadCertificate(presented.GetRawCertData()));
    }

    private static Uri Wss(Uri https) => new UriBuilder(https) { Scheme = "wss", Path = $"/v1/text-to-speech/{Providers.Local.LocalVoices.DefaultVoiceId}/stream-input", Query = "output_format=pcm_16000" }.Uri;

    private static Task SendAsync(ClientWebSocket socket, string json)
        => socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    private static async Task<(int AudioBytes, bool Final)> ReceiveUntilCloseAsync(ClientWebSocket socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        var (audio, final) = (0, false);
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                return (audio, final);
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                using var json = JsonDocument.Parse(message.ToArray());
                message.SetLength(0);
                if (json.RootElement.TryGetProperty("audio", out var chunk) && chunk.ValueKind == JsonValueKind.String)
                {
                    audio += Convert.FromBase64String(chunk.GetString()!).Length;
                }

                final |= json.RootElement.TryGetProperty("isFinal", out var isFinal) && isFinal.ValueKind == JsonValueKind.True;
            }
        }
    }
}
