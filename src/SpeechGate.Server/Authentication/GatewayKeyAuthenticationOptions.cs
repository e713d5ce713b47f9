using Microsoft.AspNetCore.Authentication;

namespace SpeechGate.Server.Authentication;

/// <summary>Options of the gateway key scheme.</summary>
public sealed class GatewayKeyAuthenticationOptions : AuthenticationSchemeOptions
{
    /// <summary>Let loopback requests through without a key while no key exists (local development).</summary>
    public bool AllowKeylessLoopback { get; set; } = true;
}
