using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SpeechGate.Delivery;

/// <summary>
/// Signs webhook bodies as ElevenLabs signs its own webhooks: header <c>speechgate-signature: t=&lt;unix&gt;,v0=&lt;hex&gt;</c>
/// where the hex is HMAC-SHA256(secret, <c>"&lt;t&gt;.&lt;body&gt;"</c>).
/// </summary>
public static class WebhookSignature
{
    /// <summary>The header carrying the signature.</summary>
    public const string HeaderName = "speechgate-signature";

    /// <summary>The header value for <paramref name="body"/> sent at <paramref name="timestamp"/>.</summary>
    public static string Create(string secret, DateTimeOffset timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        var t = timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"t={t},v0={Convert.ToHexStringLower(Hash(secret, t, body))}";
    }

    /// <summary>
    /// Whether <paramref name="header"/> signs <paramref name="body"/> with <paramref name="secret"/> and its timestamp
    /// is within <paramref name="tolerance"/> of <paramref name="now"/> (what a receiver checks).
    /// </summary>
    public static bool Verify(string secret, string? header, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan tolerance)
    {
        if (string.IsNullOrEmpty(header))
        {
            return false;
        }

        string? t = null;
        var signatures = new List<string>();
        foreach (var part in header.Split(','))
        {
            var separator = part.IndexOf('=', StringComparison.Ordinal);
            if (separator <= 0)
            {
                continue;
            }

            var (name, value) = (part[..separator].Trim(), part[(separator + 1)..].Trim());
            if (name == "t")
            {
                t = value;
            }
            else if (name == "v0")
            {
                signatures.Add(value);
            }
        }

        if (t is null || !long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var unix)
            || (now - DateTimeOffset.FromUnixTimeSeconds(unix)).Duration() > tolerance)
        {
            return false;
        }

        var expected = Hash(secret, t, body);
        return signatures.Exists(signature => signature.Length == expected.Length * 2
            && CryptographicOperations.FixedTimeEquals(Convert.FromHexString(signature), expected));
    }

    private static byte[] Hash(string secret, string t, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(t + ".");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message);
    }
}
