using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace SpeechGate.Providers.Local.Voices;

/// <summary>Derives ElevenLabs-style voice ids: 20 base62 characters of SHA-256 over <c>espeak-ng:</c> + the voice file.</summary>
/// <remarks>Pure function of the identifier, so an id is the same on every machine and across releases.</remarks>
internal static class VoiceIds
{
    public const int Length = 20;
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public static string FromIdentifier(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("espeak-ng:" + identifier));
        var value = new BigInteger(hash, isUnsigned: true, isBigEndian: true);
        var id = new StringBuilder(Length);
        for (var i = 0; i < Length; i++)
        {
            value = BigInteger.DivRem(value, Alphabet.Length, out var digit);
            id.Append(Alphabet[(int)digit]);
        }

        return id.ToString();
    }
}
