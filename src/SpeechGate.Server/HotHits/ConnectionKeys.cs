using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Connections.Features;
using SpeechGate.Server.Authentication;

namespace SpeechGate.Server.HotHits;

/// <summary>
/// The key a keep-alive connection last presented, remembered on the connection: SDKs send the same key with every
/// request, so a repeat costs a constant-time comparison instead of a SHA-256. Reused only while the store says that
/// validation is current (within its lifetime, no revocation since).
/// </summary>
internal static class ConnectionKeys
{
    private static readonly object Slot = new();

    public static GatewayKeyInfo? Find(HttpContext context, string presented, GatewayKeyStore keys)
    {
        // HTTP/1.x only: its requests on one connection come one after another, while HTTP/2 streams share the
        // connection's (unsynchronised) items concurrently.
        var items = HttpProtocol.IsHttp11(context.Request.Protocol) || HttpProtocol.IsHttp10(context.Request.Protocol)
            ? context.Features.Get<IConnectionItemsFeature>()?.Items
            : null;
        if (items is not null && items.TryGetValue(Slot, out var value) && value is Remembered remembered
            && SameSecret(remembered.Presented, presented) && keys.IsCurrent(remembered.Validated))
        {
            return remembered.Validated.Key;
        }

        if (keys.FindRecentlyValidated(presented) is not { } validated)
        {
            return null;
        }

        if (items is not null)
        {
            items[Slot] = new Remembered(presented, validated);
        }

        return validated.Key;
    }

    // Constant time: a connection pooled by a proxy may carry other clients' requests.
    private static bool SameSecret(string remembered, string presented)
        => CryptographicOperations.FixedTimeEquals(MemoryMarshal.AsBytes(remembered.AsSpan()), MemoryMarshal.AsBytes(presented.AsSpan()));

    private sealed record Remembered(string Presented, ValidatedKey Validated);
}
