using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using SpeechGate.Server.Authentication;
using SpeechGate.Server.Hosting;
using SpeechGate.Server.Tests.Endpoints;
using SpeechGate.Server.Tests.Fakes;

namespace SpeechGate.Server.Tests.Authentication;

public sealed class GatewayKeyTests
{
    [Fact]
    public async Task Convert_NoKeysAndLoopback_AllowsRequestsWithoutAKey()
    {
        await using var gateway = await TestGateway.StartAsync();

        using var response = await Convert(gateway, key: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Convert_KeysExistAndNoneSent_Answers401NeedsAuthorization()
    {
        await using var gateway = await TestGateway.StartAsync();
        await gateway.Keys.CreateAsync("ci");

        using var response = await Convert(gateway, key: null);

        await MalformedInputTests.AssertDetailAsync(response, 401, "needs_authorization");
        Assert.Equal(0, gateway.Synthesizer.Calls);
    }

    [Fact]
    public async Task Convert_WrongOrRevokedKey_Answers401InvalidApiKey()
    {
        await using var gateway = await TestGateway.StartAsync();
        var created = await gateway.Keys.CreateAsync("ci");
        await gateway.Keys.CreateAsync("other");
        Assert.True(await gateway.Keys.RevokeAsync("ci"));

        using var revoked = await Convert(gateway, created.Secret);
        using var wrong = await Convert(gateway, created.Secret[..^2] + "xx");
        using var garbage = await Convert(gateway, "not-a-key");

        await MalformedInputTests.AssertDetailAsync(revoked, 401, "invalid_api_key");
        await MalformedInputTests.AssertDetailAsync(wrong, 401, "invalid_api_key");
        await MalformedInputTests.AssertDetailAsync(garbage, 401, "invalid_api_key");
    }

    [Fact]
    public async Task Convert_ValidKeyAsHeaderOrBearer_SucceedsAndMetersTheKey()
    {
        await using var gateway = await TestGateway.StartAsync();
        var created = await gateway.Keys.CreateAsync("ci");

        using var header = await Convert(gateway, created.Secret);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/text-to-speech/voice1") { Content = Body() };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", created.Secret);
        using var bearer = await gateway.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, header.StatusCode);
        Assert.Equal(HttpStatusCode.OK, bearer.StatusCode);
        Assert.All(gateway.Synthesizer.Requests, r => Assert.Equal(created.Key.Id, r.AccountId));
    }

    [Fact]
    public async Task Convert_InvalidBodyAndNoKey_Answers422BeforeAuth()
    {
        await using var gateway = await TestGateway.StartAsync();
        await gateway.Keys.CreateAsync("ci");

        using var response = await gateway.Client.PostAsync("/v1/text-to-speech/voice1", new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(422, (int)response.StatusCode);
    }

    [Fact]
    public async Task Get_CatalogRoutesWithoutKey_Answer401()
    {
        await using var gateway = await TestGateway.StartAsync();
        await gateway.Keys.CreateAsync("ci");

        foreach (var path in new[] { "/v1/voices", "/v2/voices", "/v1/voices/voice1", "/v1/models", "/v1/user", "/v1/user/subscription" })
        {
            using var response = await gateway.Client.GetAsync(path);
            await MalformedInputTests.AssertDetailAsync(response, 401, "needs_authorization");
        }

        using var health = await gateway.Client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task AdminPolicy_ClientKey_Answers403AndAdminKeyPasses()
    {
        await using var gateway = await TestGateway.StartAsync(configureApp: app => app.MapGet("/admin-probe", () => "ok").RequireAuthorization(GatewayPolicies.Admin));
        var client = await gateway.Keys.CreateAsync("client");
        var admin = await gateway.Keys.CreateAsync("admin", isAdmin: true);

        using var forbidden = await Get(gateway, "/admin-probe", client.Secret);
        using var allowed = await Get(gateway, "/admin-probe", admin.Secret);

        await MalformedInputTests.AssertDetailAsync(forbidden, 403, "missing_permissions");
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public void Build_NonLoopbackHostWithoutKeys_RefusesToStart()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("speechgate-server-tests-").FullName;

        var error = Assert.Throws<InvalidOperationException>(() => GatewayApplication.Build(new GatewayHostOptions { Host = "0.0.0.0", Port = 0, DataDirectory = dataDirectory }));

        Assert.Contains("no gateway key exists", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeyStore_CreateListRevoke_StoresOnlyAHash()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("speechgate-server-tests-").FullName;
        var store = new GatewayKeyStore(dataDirectory);

        var created = await store.CreateAsync("ci", isAdmin: true);
        var listed = Assert.Single(await store.ListAsync());
        var revoked = await store.RevokeAsync(created.Key.Id);

        Assert.StartsWith("sg_" + created.Key.Id + "_", created.Secret, StringComparison.Ordinal);
        Assert.Equal(("ci", true, true), (listed.Name, listed.IsAdmin, listed.IsActive));
        Assert.True(revoked);
        Assert.False(Assert.Single(await store.ListAsync()).IsActive);
        // The random part may itself contain '_' (base64url), so take everything after the "sg_<id>_" prefix.
        var secretPart = created.Secret["sg_".Length..][(created.Key.Id.Length + 1)..];
        Assert.True(secretPart.Length >= 16, secretPart);
        Assert.DoesNotContain(secretPart, Encoding.UTF8.GetString(await File.ReadAllBytesAsync(store.DatabasePath)), StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> Convert(TestGateway gateway, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/text-to-speech/voice1") { Content = Body() };
        if (key is not null)
        {
            request.Headers.Add("xi-api-key", key);
        }

        return gateway.Client.SendAsync(request);
    }

    private static Task<HttpResponseMessage> Get(TestGateway gateway, string path, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("xi-api-key", key);
        return gateway.Client.SendAsync(request);
    }

    private static StringContent Body() => new("{\"text\":\"Hello\"}", Encoding.UTF8, "application/json");
}
