namespace SpeechGate.Server.Authentication;

/// <summary>Authorization policy and claim names for gateway keys.</summary>
public static class GatewayPolicies
{
    /// <summary>The authentication scheme that reads <c>xi-api-key</c> or <c>Authorization: Bearer</c>.</summary>
    public const string Scheme = "GatewayKey";

    /// <summary>Any valid gateway key (or local development with no keys).</summary>
    public const string Client = "speechgate:client";

    /// <summary>A gateway key with the admin flag; for admin routes.</summary>
    public const string Admin = "speechgate:admin";

    /// <summary>Admin keys, or keys with the <c>render</c> scope; for render runs and jobs.</summary>
    public const string Render = "speechgate:render";

    /// <summary>Claim naming a scope the key was granted (e.g. <c>render</c>).</summary>
    public const string ScopeClaim = "speechgate:scope";

    /// <summary>The scope that allows render runs and jobs.</summary>
    public const string RenderScope = "render";

    /// <summary>Claim holding the key id (<c>local</c> in keyless local development).</summary>
    public const string KeyIdClaim = "speechgate:key_id";

    /// <summary>Claim present, with value <c>true</c>, on admin keys.</summary>
    public const string AdminClaim = "speechgate:admin";
}
