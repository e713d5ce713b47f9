using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SpeechGate.Server.Authentication;

namespace SpeechGate.Server.Tests.Jobs;

/// <summary>The render API over real HTTP: runs, progress, files (no traversal), jobs, keys and errors in ElevenLabs' shape.</summary>
public sealed class RenderEndpointsTests
{
    [Fact]
    public async Task PostedScript_IsRendered_AndItsFilesAreServed_ButNothingOutsideTheRun()
    {
        await using var gateway = await JobsGateway.StartAsync(new Dictionary<string, string?>());

        using var created = await gateway.PostRenderAsync(new { script = "One paragraph.\n\nAnother paragraph." });
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("render_id").GetString()!;
        await gateway.WaitForRunAsync(r => r.Id == id && r.IsFinished);
        var run = await gateway.GetJsonAsync($"/v1/speechgate/renders/{id}");

        Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
        Assert.Equal("succeeded", run.GetProperty("status").GetString());
        Assert.Equal(2, run.GetProperty("progress").GetProperty("done").GetInt32());
        Assert.Equal(2, run.GetProperty("manifest").GetProperty("lines").GetArrayLength());
        var file = run.GetProperty("manifest").GetProperty("lines")[0].GetProperty("file").GetString();
        using var audio = await gateway.Client.GetAsync($"/v1/speechgate/renders/{id}/files/{file}");
        Assert.Equal(HttpStatusCode.OK, audio.StatusCode);
        Assert.Equal("audio/mpeg", audio.Content.Headers.ContentType?.MediaType);
        Assert.True((await audio.Content.ReadAsByteArrayAsync()).Length > 100);

        foreach (var path in new[] { "../script.txt", "..%2Fscript.txt", "%2E%2E/%2E%2E/jobs.db", "lines/../../script.txt", "nothing.mp3" })
        {
            using var outside = await gateway.Client.GetAsync($"/v1/speechgate/renders/{id}/files/{path}");
            Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);

            // HttpClient collapses a literal "../" before sending, so that request no longer matches the files route and
            // is the gateway's plain 404; the encoded forms reach the route and are refused by it.
            using var body = JsonDocument.Parse(await outside.Content.ReadAsStringAsync());
            Assert.Contains(body.RootElement.GetProperty("detail").GetProperty("status").GetString(), new[] { "file_not_found", "not_found", "render_not_found" });
            Assert.DoesNotContain("lines", await outside.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task BadRequests_AreElevenLabsShapedErrors_NeverA500()
    {
        await using var gateway = await JobsGateway.StartAsync(new Dictionary<string, string?>
        {
            ["Jobs:inbox:Watch"] = Path.Combine(Path.GetTempPath(), "speechgate-never-" + Guid.NewGuid().ToString("N"), "*.yaml"),
        });

        (object Body, HttpStatusCode Status, string Detail)[] cases =
        [
            (new { }, HttpStatusCode.UnprocessableEntity, "invalid_parameters"),
            (new { script = "x", job = "inbox" }, HttpStatusCode.UnprocessableEntity, "invalid_parameters"),
            (new { job = "nope" }, HttpStatusCode.NotFound, "job_not_found"),
            (new { job = "inbox" }, HttpStatusCode.UnprocessableEntity, "invalid_parameters"),
            (new { script = "x", callback_url = "ftp://example.com" }, HttpStatusCode.UnprocessableEntity, "invalid_parameters"),
            (new { script = "x", script_format = "docx" }, HttpStatusCode.UnprocessableEntity, "invalid_parameters"),
            (new { script = 42 }, HttpStatusCode.UnprocessableEntity, "invalid_parameters"),
        ];
        foreach (var (body, status, detail) in cases)
        {
            using var response = await gateway.PostRenderAsync(body);
            Assert.Equal(status, response.StatusCode);
            await AssertDetailAsync(response, detail);
        }

        using var notJson = await gateway.Client.PostAsync("/v1/speechgate/renders", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notJson.StatusCode);
        using var missing = await gateway.Client.GetAsync("/v1/speechgate/renders/run_doesnotexist");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        await AssertDetailAsync(missing, "render_not_found");
    }

    [Fact]
    public async Task Routes_NeedAnAdminOrRenderKey_AndJobsAreListed()
    {
        await using var gateway = await JobsGateway.StartAsync(new Dictionary<string, string?>
        {
            ["Jobs:nightly:Script"] = "/srv/nightly.yaml",
            ["Jobs:nightly:Schedule"] = "0 3 * * *",
            ["Jobs:nightly:TimeZone"] = "Europe/Paris",
        });
        var keys = gateway.App.Services.GetRequiredService<GatewayKeyStore>();
        var admin = await keys.CreateAsync("ops", isAdmin: true);
        var client = await keys.CreateAsync("app");

        using var anonymous = await gateway.Client.GetAsync("/v1/speechgate/jobs");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using var forbidden = await SendAsync(gateway, HttpMethod.Get, "/v1/speechgate/jobs", client.Secret);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        await AssertDetailAsync(forbidden, "missing_permissions");

        using var listed = await SendAsync(gateway, HttpMethod.Get, "/v1/speechgate/jobs", admin.Secret);
        var job = JsonDocument.Parse(await listed.Content.ReadAsStringAsync()).RootElement.GetProperty("jobs")[0];
        Assert.Equal("nightly", job.GetProperty("name").GetString());
        Assert.Equal("0 3 * * *", job.GetProperty("schedule").GetString());
        Assert.Equal("Europe/Paris", job.GetProperty("time_zone").GetString());
        var next = DateTimeOffset.Parse(job.GetProperty("next_run_at").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(3, TimeZoneInfo.ConvertTime(next, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).Hour);
    }

    private static async Task<HttpResponseMessage> SendAsync(JobsGateway gateway, HttpMethod method, string path, string key)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("xi-api-key", key);
        return await gateway.Client.SendAsync(request);
    }

    private static async Task AssertDetailAsync(HttpResponseMessage response, string status)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(status, body.RootElement.GetProperty("detail").GetProperty("status").GetString());
    }
}
