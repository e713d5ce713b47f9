using System.Net;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using SpeechGate.Server.Errors;

namespace SpeechGate.Server.Authentication;

/// <summary>Authenticates gateway keys; renders challenges in ElevenLabs' 401 shape.</summary>
/// <remarks>It never rejects on its own: authorization (a policy, or the endpoint after validation) decides.</remarks>
internal sealed class GatewayKeyAuthenticationHandler(
    IOptionsMonitor<GatewayKeyAuthenticationOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    GatewayKeyStore keys,
    GatewayPrincipals principals)
    : AuthenticationHandler<GatewayKeyAuthenticationOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = GatewayCredential.Find(Request);
        if (presented is not null && await keys.ValidateAsync(presented, Context.RequestAborted) is { } key)
        {
            return Success(principals.For(key));
        }

        if (await IsKeylessLoopbackAsync())
        {
            // Local development: no key exists and nobody but this machine can connect, so any key (or none) passes.
            return Success(principals.Local);
        }

        return presented is null ? AuthenticateResult.NoResult() : AuthenticateResult.Fail("invalid_api_key");
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        return GatewayCredential.Find(Request) is not null
            ? ElevenLabsErrors.WriteDetailAsync(Context, 401, "invalid_api_key", "Invalid API key", "authentication_error")
            : ElevenLabsErrors.WriteDetailAsync(Context, 401, "needs_authorization",
                "Neither authorization header nor xi-api-key received, please provide one.", "authentication_error");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
        => ElevenLabsErrors.WriteDetailAsync(Context, 403, "missing_permissions", "This gateway key is not allowed to call this route.", "authorization_error");

    private async Task<bool> IsKeylessLoopbackAsync()
        => Options.AllowKeylessLoopback
            && (Context.Connection.RemoteIpAddress is not { } remote || IPAddress.IsLoopback(remote))
            && !await keys.HasActiveKeysAsync(Context.RequestAborted);

    private AuthenticateResult Success(ClaimsPrincipal principal) => AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
}
