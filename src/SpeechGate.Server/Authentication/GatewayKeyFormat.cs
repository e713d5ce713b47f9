using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace SpeechGate.Server.Authentication;

/// <summary>Key layout <c>sg_{id}_{secret}</c>: the id finds the row, the SHA-256 of the whole key proves it.</summary>
internal static class GatewayKeyFormat
{
    public const string Prefix = "sg_";

    public static (string Id, string Secret) NewKey()
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return (id, $"{Prefix}{id}_{secret}");
    }

    public static bool TryGetId(string key, out string id)
    {
        id = string.Empty;
        if (!key.StartsWith(Prefix, StringComparison.Ordinal) || key.Length > 200)
        {
            return false;
        }

        var separator = key.IndexOf('_', Prefix.Length);
        if (separator <= Prefix.Length)
        {
            return false;
        }

        id = key[Prefix.Length..separator];
        return true;
    }

    // SHA-256 suffices: keys carry 256 random bits, so there is nothing to brute-force that a slow hash would protect.
    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
