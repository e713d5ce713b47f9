using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace SpeechGate.VoiceResolution;

/// <summary>
/// ElevenLabs' workspace webhooks: the <c>ElevenLabs-Signature</c> header (<c>t=&lt;unix&gt;,v0=&lt;hex HMAC-SHA256(secret,
/// "t.body")&gt;</c>, 30-minute tolerance) and the voice events SpeechGate acts on.
/// </summary>
/// <remarks>
/// The envelope <c>{"type","event_timestamp","data"}</c> is documented; the fields of the voice events' <c>data</c> are
/// UNVERIFIED. The most plausible are read: <c>voice_id</c>, <c>voice_name</c>, and the removal date from the first of
/// <c>removal_date</c>, <c>removal_timestamp</c>, <c>removal_timestamp_unix</c>, <c>scheduled_removal_unix</c> (unix
/// seconds or ISO 8601).
/// </remarks>
public static class ElevenLabsWebhook
{
    /// <summary>The header carrying the signature.</summary>
    public const string SignatureHeader = "ElevenLabs-Signature";

    /// <summary>How old (or how far ahead) a signed timestamp may be.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(30);

    private static readonly string[] RemovalDateFields = ["removal_date", "removal_timestamp", "removal_timestamp_unix", "scheduled_removal_unix"];

    /// <summary>The header value for <paramref name="body"/> signed at <paramref name="at"/> (what ElevenLabs sends).</summary>
    public static string Sign(ReadOnlySpan<byte> body, string secret, DateTimeOffset at)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"t={timestamp},v0={Mac(timestamp, body, secret)}";
    }

    /// <summary>Null when <paramref name="header"/> signs <paramref name="body"/> with <paramref name="secret"/> within the tolerance; else why not.</summary>
    public static string? Verify(string? header, ReadOnlySpan<byte> body, string? secret, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(secret))
        {
            return "no webhook secret is configured (Voices:WebhookSecret)";
        }

        if (string.IsNullOrWhiteSpace(header))
        {
            return $"the request is not signed ({SignatureHeader} is missing)";
        }

        string? timestamp = null;
        var signatures = new List<string>();
        foreach (var part in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.StartsWith("t=", StringComparison.Ordinal))
            {
                timestamp = part[2..];
            }
            else if (part.StartsWith("v0=", StringComparison.Ordinal))
            {
                signatures.Add(part[3..]);
            }
        }

        if (timestamp is null || signatures.Count == 0 || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var unix))
        {
            return $"{SignatureHeader} must read t=<unix seconds>,v0=<hex>";
        }

        var signedAt = DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(unix, 0, 253_402_300_799));
        if ((now - signedAt).Duration() > Tolerance)
        {
            return $"the signature's timestamp is {(now - signedAt).TotalMinutes:0} minutes from now; at most {Tolerance.TotalMinutes:0} are accepted";
        }

        var expected = Encoding.ASCII.GetBytes(Mac(timestamp, body, secret));
        return signatures.Any(signature => CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature.ToLowerInvariant())))
            ? null
            : "the signature does not match the body";
    }

    /// <summary>The voice event in a verified body, or null for other events; a body that is not an event throws <see cref="JsonException"/>.</summary>
    public static (string Type, VoiceRemovalNotice Notice)? ReadVoiceEvent(ReadOnlySpan<byte> body, DateTimeOffset receivedAt)
    {
        using var document = JsonDocument.Parse(body.ToArray());
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
        {
            throw new JsonException("a webhook event needs a string 'type'");
        }

        var type = typeElement.GetString()!;
        if (type is not (VoiceWebhookEvents.RemovalNotice or VoiceWebhookEvents.RemovalNoticeWithdrawn or VoiceWebhookEvents.Removed))
        {
            return null;
        }

        if (!root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object
            || !data.TryGetProperty("voice_id", out var voiceId) || voiceId.ValueKind != JsonValueKind.String || voiceId.GetString() is not { Length: > 0 } id)
        {
            throw new JsonException($"a {type} event needs data.voice_id");
        }

        var notice = new VoiceRemovalNotice(id, type, receivedAt)
        {
            VoiceName = data.TryGetProperty("voice_name", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString() : null,
            RemovalAt = RemovalDate(data),
        };
        return (type, notice);
    }

    private static DateTimeOffset? RemovalDate(JsonElement data)
    {
        foreach (var field in RemovalDateFields)
        {
            if (!data.TryGetProperty(field, out var value))
            {
                continue;
            }

            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var unix) && unix is > 0 and < 253_402_300_799)
            {
                return DateTimeOffset.FromUnixTimeSeconds(unix);
            }

            if (value.ValueKind == JsonValueKind.String && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
            {
                return date;
            }
        }

        return null;
    }

    private static string Mac(string timestamp, ReadOnlySpan<byte> body, string secret)
    {
        var prefix = Encoding.UTF8.GetBytes(timestamp + ".");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message));
    }
}
