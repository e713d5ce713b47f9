using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace SpeechGate.Server.Authentication;

/// <summary>Authorizes inside an endpoint, after validation: ElevenLabs answers 422 before it checks the key.</summary>
internal static class GatewayAuthorization
{
    /// <summary>True when the caller satisfies <paramref name="policy"/>; otherwise the 401/403 has been written.</summary>
    public static async Task<bool> AuthorizeAsync(HttpContext context, string policy = GatewayPolicies.Client)
    {
        var authorization = context.RequestServices.GetRequiredService<IAuthorizationService>();
        var result = await authorization.AuthorizeAsync(context.User, resource: null, policy);
        if (result.Succeeded)
        {
            return true;
        }

        if (context.User.Identity?.IsAuthenticated == true)
        {
            await context.ForbidAsync(GatewayPolicies.Scheme);
        }
        else
        {
            await context.ChallengeAsync(GatewayPolicies.Scheme);
        }

        return false;
    }

    /// <summary>The key id of keyless local development.</summary>
    public const string LocalKeyId = "local";

    /// <summary>The id of the key that authenticated the request (<c>local</c> in keyless development).</summary>
    public static string? KeyId(ClaimsPrincipal user) => user.FindFirst(GatewayPolicies.KeyIdClaim)?.Value;
}
