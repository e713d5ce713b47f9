using System.Collections.Concurrent;
using System.Security.Claims;

namespace SpeechGate.Server.Authentication;

/// <summary>
/// The user a gateway key signs in as, built once per key: the authentication handler (full path) and the hot-hit path
/// both take it from here, so both authorize and rate-limit the same principal.
/// </summary>
internal sealed class GatewayPrincipals
{
    private const int MaxPrincipals = 1_000;

    private readonly ConcurrentDictionary<GatewayKeyInfo, ClaimsPrincipal> _principals = new();

    /// <summary>Keyless local use (no key exists and the client is this machine).</summary>
    public ClaimsPrincipal Local { get; } = Create(GatewayAuthorization.LocalKeyId, "local", isAdmin: true);

    /// <summary>The principal of <paramref name="key"/>; shared, never to be modified.</summary>
    public ClaimsPrincipal For(GatewayKeyInfo key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_principals.TryGetValue(key, out var principal))
        {
            return principal;
        }

        if (_principals.Count >= MaxPrincipals)
        {
            _principals.Clear();
        }

        principal = Create(key.Id, key.Name, key.IsAdmin);
        _principals[key] = principal;
        return principal;
    }

    private static ClaimsPrincipal Create(string id, string name, bool isAdmin)
    {
        List<Claim> claims = [new(GatewayPolicies.KeyIdClaim, id), new(ClaimTypes.Name, name)];
        if (isAdmin)
        {
            claims.Add(new Claim(GatewayPolicies.AdminClaim, "true"));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, GatewayPolicies.Scheme));
    }
}
