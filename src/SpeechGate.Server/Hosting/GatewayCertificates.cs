using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SpeechGate.Server.Hosting;

/// <summary>
/// The gateway's TLS certificate: from Kestrel's own configuration (<c>Kestrel:Certificates:Default:Path</c> with
/// <c>KeyPath</c> for PEM, or a PFX with <c>Password</c>), else the development certificate <c>speechgate certs create</c>
/// wrote under the data directory.
/// </summary>
public static class GatewayCertificates
{
    /// <summary>The configuration section Kestrel itself reads for its default certificate.</summary>
    public const string Section = "Kestrel:Certificates:Default";

    private static readonly string[] LoopbackNames = ["localhost", "127.0.0.1", "::1"];

    /// <summary>Where <c>speechgate certs create</c> writes the certificate (PEM).</summary>
    public static string DevelopmentCertificatePath(string dataDirectory) => Path.Combine(dataDirectory, "certs", "speechgate-dev.crt");

    /// <summary>Where <c>speechgate certs create</c> writes the private key (PEM, PKCS#8, readable by the owner only).</summary>
    public static string DevelopmentKeyPath(string dataDirectory) => Path.Combine(dataDirectory, "certs", "speechgate-dev.key");

    /// <summary>Loads the configured certificate, or the development one; throws with a one-line reason.</summary>
    /// <exception cref="GatewayCertificateException">No certificate, an unreadable one, no private key, or expired.</exception>
    public static X509Certificate2 Load(IConfiguration configuration, string dataDirectory, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(time);
        var path = configuration[$"{Section}:Path"];
        var keyPath = configuration[$"{Section}:KeyPath"];
        var password = configuration[$"{Section}:Password"];
        if (string.IsNullOrEmpty(path))
        {
            path = DevelopmentCertificatePath(dataDirectory);
            keyPath = DevelopmentKeyPath(dataDirectory);
            if (!File.Exists(path))
            {
                throw new GatewayCertificateException(
                    $"no TLS certificate: run `speechgate certs create`, or set {Section}:Path (PEM with KeyPath, or PFX with Password).");
            }
        }

        var certificate = Read(path, keyPath, password);
        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw new GatewayCertificateException($"the TLS certificate {path} has no private key (set {Section}:KeyPath, or use a PFX that holds it).");
        }

        if (certificate.NotAfter.ToUniversalTime() < time.GetUtcNow().UtcDateTime)
        {
            var expired = certificate.NotAfter;
            certificate.Dispose();
            throw new GatewayCertificateException($"the TLS certificate {path} expired on {expired:yyyy-MM-dd}; run `speechgate certs create --force` or configure another.");
        }

        return certificate;
    }

    /// <summary>
    /// A self-signed ECDSA P-256 server certificate for local development: subject <c>CN=SpeechGate Development</c>, names
    /// <c>localhost</c>, <c>127.0.0.1</c>, <c>::1</c> and <paramref name="hosts"/>, server authentication only.
    /// </summary>
    public static X509Certificate2 CreateDevelopment(IEnumerable<string> hosts, TimeSpan validity, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(hosts);
        ArgumentNullException.ThrowIfNull(time);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=SpeechGate Development", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        foreach (var host in LoopbackNames.Concat(hosts).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (IPAddress.TryParse(host, out var address))
            {
                names.AddIpAddress(address);
            }
            else
            {
                names.AddDnsName(host);
            }
        }

        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        var now = time.GetUtcNow();
        return request.CreateSelfSigned(now.AddMinutes(-5), now.Add(validity));
    }

    private static X509Certificate2 Read(string path, string? keyPath, string? password)
    {
        try
        {
            if (!string.IsNullOrEmpty(keyPath))
            {
                return string.IsNullOrEmpty(password)
                    ? X509Certificate2.CreateFromPemFile(path, keyPath)
                    : X509Certificate2.CreateFromEncryptedPemFile(path, password, keyPath);
            }

            return X509CertificateLoader.LoadPkcs12FromFile(path, password);
        }
        catch (Exception error) when (error is CryptographicException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new GatewayCertificateException($"the TLS certificate {path} could not be loaded: {OneLine(error.Message)}", error);
        }
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
