using System.Security.Cryptography;
using System.Text;

namespace SpeechGate.Providers.ElevenLabs;

/// <summary>Names the upstream account for cache keys without revealing its key.</summary>
internal static class ElevenLabsTenant
{
    /// <summary>The tenant used when no key is configured.</summary>
    public const string Anonymous = "elevenlabs:anonymous";

    /// <summary>Returns <c>elevenlabs:</c> and the first 16 hex digits of the key's SHA-256.</summary>
    public static string FromApiKey(string? apiKey)
    {
        if (string.IsNullOrEmpty(apiKey))
        {
            return Anonymous;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(apiKey));
        return "elevenlabs:" + Convert.ToHexStringLower(hash, 0, 8);
    }
}
