using System.Text.Json.Nodes;

namespace SpeechGate.Server.Catalog;

/// <summary>Answers the account routes (<c>/v1/models</c>, <c>/v1/user</c>, <c>/v1/user/subscription</c>) as ElevenLabs JSON.</summary>
internal interface IAccountCatalog
{
    Task<JsonArray> GetModelsAsync(CancellationToken cancellationToken);

    Task<JsonObject> GetUserAsync(string? keyPreview, CancellationToken cancellationToken);

    Task<JsonObject> GetSubscriptionAsync(CancellationToken cancellationToken);
}
