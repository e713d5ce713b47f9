namespace SpeechGate.Server.Authentication;

/// <summary>A key the store accepted, and until when that acceptance may be reused (<see cref="GatewayKeyStore.IsCurrent"/>).</summary>
/// <param name="Key">The key.</param>
/// <param name="Epoch">The store's revocation epoch when it was validated.</param>
/// <param name="ExpiresAt">Timestamp (<see cref="TimeProvider.GetTimestamp"/>) after which it must be validated again.</param>
internal sealed record ValidatedKey(GatewayKeyInfo Key, long Epoch, long ExpiresAt);
