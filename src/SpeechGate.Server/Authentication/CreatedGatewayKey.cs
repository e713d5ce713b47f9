namespace SpeechGate.Server.Authentication;

/// <summary>A newly created key: <see cref="Secret"/> is shown once and never stored in plain text.</summary>
/// <param name="Key">The stored description of the key.</param>
/// <param name="Secret">The plain-text key to hand to the client.</param>
public sealed record CreatedGatewayKey(GatewayKeyInfo Key, string Secret);
