using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using SpeechGate.Hosting;
using SpeechGate.Server.Hosting;

namespace SpeechGate.Cli.Commands;

/// <summary><c>speechgate certs create</c>: a self-signed development certificate for <c>serve --https</c>.</summary>
internal static class CertsCommand
{
    public static Command Create(CliContext context)
    {
        var hosts = new Option<string[]>("--host") { Description = "Another DNS name or IP address the certificate must cover (localhost, 127.0.0.1 and ::1 always are).", AllowMultipleArgumentsPerToken = true };
        var days = new Option<int>("--days") { Description = "Days the certificate stays valid.", DefaultValueFactory = _ => 365 };
        var force = new Option<bool>("--force") { Description = "Replace an existing development certificate." };
        var create = new Command("create", "Create a self-signed TLS certificate for local development (PEM, under the data directory).") { hosts, days, force };
        create.SetAction((parse, cancellationToken) => CommandErrors.RunAsync(context, async () =>
        {
            var validity = parse.GetValue(days);
            if (validity is < 1 or > 3650)
            {
                await context.Error.WriteLineAsync("error: --days must be between 1 and 3650.");
                return ExitCodes.InvalidInput;
            }

            var certificatePath = GatewayCertificates.DevelopmentCertificatePath(SpeechGatePaths.DataDirectory);
            var keyPath = GatewayCertificates.DevelopmentKeyPath(SpeechGatePaths.DataDirectory);
            if (File.Exists(certificatePath) && !parse.GetValue(force))
            {
                await context.Error.WriteLineAsync($"error: {certificatePath} already exists; pass --force to replace it.");
                return ExitCodes.InvalidInput;
            }

            using var certificate = GatewayCertificates.CreateDevelopment(parse.GetValue(hosts) ?? [], TimeSpan.FromDays(validity), TimeProvider.System);
            Directory.CreateDirectory(Path.GetDirectoryName(certificatePath)!);
            using (var key = certificate.GetECDsaPrivateKey()!)
            {
                await WriteAsync(keyPath, key.ExportPkcs8PrivateKeyPem(), UnixFileMode.UserRead | UnixFileMode.UserWrite, cancellationToken);
            }

            await WriteAsync(certificatePath, certificate.ExportCertificatePem(), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead, cancellationToken);
            await context.Output.WriteLineAsync(certificatePath);
            await context.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"created a self-signed certificate for {string.Join(", ", certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().SelectMany(e => e.EnumerateDnsNames().Concat(e.EnumerateIPAddresses().Select(a => a.ToString()))))}, valid until {certificate.NotAfter:yyyy-MM-dd} (key: {keyPath}); `speechgate serve --https` uses it. Clients must trust {certificatePath} (Node: ca, Python: ssl.create_default_context(cafile=…), curl: --cacert)."));
            return ExitCodes.Success;
        }));
        return new Command("certs", "TLS certificates for serve --https.") { create };
    }

    // Temp file created with its final permissions (a key is never readable by others, not even briefly), then renamed.
    private static async Task WriteAsync(string path, string text, UnixFileMode mode, CancellationToken cancellationToken)
    {
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = mode;
        }

        try
        {
            await using (var stream = new FileStream(temporary, options))
            await using (var writer = new StreamWriter(stream))
            {
                await writer.WriteAsync(text.AsMemory(), cancellationToken);
                await writer.FlushAsync(cancellationToken);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
