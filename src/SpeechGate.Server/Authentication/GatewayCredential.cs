namespace SpeechGate.Server.Authentication;

/// <summary>Finds the key a client sent: <c>xi-api-key</c>, else <c>Authorization: Bearer</c>.</summary>
internal static class GatewayCredential
{
    public const string HeaderName = "xi-api-key";

    public static string? Find(HttpRequest request)
    {
        if (request.Headers.TryGetValue(HeaderName, out var key) && !string.IsNullOrWhiteSpace(key))
        {
            return key.ToString().Trim();
        }

        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && authorization.Length > 7
            ? authorization[7..].Trim()
            : null;
    }
}
