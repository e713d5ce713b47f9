namespace SpeechGate.Server.Authentication;

/// <summary>A gateway key as listed: never the secret itself.</summary>
/// <param name="Id">Stable id, also embedded in the key.</param>
/// <param name="Name">Human-readable name.</param>
/// <param name="IsAdmin">Whether the key may call admin routes.</param>
/// <param name="CreatedAt">When the key was created.</param>
/// <param name="RevokedAt">When the key was revoked, or null while active.</param>
public sealed record GatewayKeyInfo(string Id, string Name, bool IsAdmin, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    /// <summary>Whether the key is still accepted.</summary>
    public bool IsActive => RevokedAt is null;

    /// <summary>A safe preview of the key, e.g. <c>sg_1a2b3c4d5e6f_…</c>.</summary>
    public string Preview => $"{GatewayKeyFormat.Prefix}{Id}_…";
}
