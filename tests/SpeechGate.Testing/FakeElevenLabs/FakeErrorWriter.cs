using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace SpeechGate.Testing.FakeElevenLabs;

/// <summary>Writes errors in either body shape, or the 422 array; sets <c>x-trace-id</c>, never <c>request-id</c>.</summary>
internal static class FakeErrorWriter
{
    public static Task WriteAsync(HttpContext context, FakeError error, FakeErrorFormat format, FakeElevenLabsRequest record)
    {
        var traceId = TraceId(context, record);
        record.StatusCode = error.StatusCode;
        record.ErrorStatus = error.Status;
        JsonObject detail = format == FakeErrorFormat.Legacy
            ? new() { ["status"] = error.Status, ["message"] = error.Message }
            : new()
            {
                ["type"] = error.Type ?? "invalid_request",
                ["code"] = error.Code ?? error.Status,
                ["message"] = error.Message,
                ["status"] = error.Status,
                ["request_id"] = traceId,
                ["param"] = error.Param,
            };
        return WriteBodyAsync(context, error.StatusCode, new JsonObject { ["detail"] = detail });
    }

    public static Task WriteValidationAsync(HttpContext context, IReadOnlyList<FakeValidationIssue> issues, FakeElevenLabsRequest record)
    {
        TraceId(context, record);
        record.StatusCode = 422;
        record.ErrorStatus = "validation";
        var array = new JsonArray();
        foreach (var issue in issues)
        {
            array.Add(new JsonObject
            {
                ["type"] = issue.Type,
                ["loc"] = new JsonArray([.. issue.Location.Select(part => (JsonNode?)JsonValue.Create(part))]),
                ["msg"] = issue.Message,
            });
        }

        return WriteBodyAsync(context, 422, new JsonObject { ["detail"] = array });
    }

    private static string TraceId(HttpContext context, FakeElevenLabsRequest record)
    {
        var traceId = $"trace_{record.Sequence:D6}";
        context.Response.Headers["x-trace-id"] = traceId;
        return traceId;
    }

    private static async Task WriteBodyAsync(HttpContext context, int statusCode, JsonObject body)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString(JsonSerializerOptions.Web)).ConfigureAwait(false);
    }
}
