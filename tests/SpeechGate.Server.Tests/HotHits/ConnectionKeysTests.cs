using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using SpeechGate.Server.Authentication;
using SpeechGate.Server.HotHits;

namespace SpeechGate.Server.Tests.HotHits;

public sealed class ConnectionKeysTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("speechgate-connection-keys-").FullName;

    [Fact]
    public async Task Http11Connection_RemembersTheValidatedKey_AndForgetsItAfterARevocation()
    {
        var keys = new GatewayKeyStore(_directory);
        var created = await keys.CreateAsync("client");
        await keys.CreateAsync("other");
        Assert.NotNull(await keys.ValidateAsync(created.Secret));
        var (context, items) = Request("HTTP/1.1");

        Assert.Equal(created.Key.Id, ConnectionKeys.Find(context, created.Secret, keys)?.Id);
        Assert.Single(items.Items);
        Assert.Null(ConnectionKeys.Find(context, created.Secret[..^1] + "x", keys));

        Assert.True(await keys.RevokeAsync("client"));
        Assert.Null(ConnectionKeys.Find(context, created.Secret, keys));
    }

    [Fact]
    public async Task Http2Connection_SharesItemsAcrossStreams_SoNothingIsRememberedThere()
    {
        var keys = new GatewayKeyStore(_directory);
        var created = await keys.CreateAsync("client");
        Assert.NotNull(await keys.ValidateAsync(created.Secret));
        var (context, items) = Request("HTTP/2");

        Assert.Equal(created.Key.Id, ConnectionKeys.Find(context, created.Secret, keys)?.Id);
        Assert.Empty(items.Items);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private static (HttpContext Context, ConnectionItems Items) Request(string protocol)
    {
        var context = new DefaultHttpContext();
        context.Request.Protocol = protocol;
        var items = new ConnectionItems();
        context.Features.Set<IConnectionItemsFeature>(items);
        return (context, items);
    }

    private sealed class ConnectionItems : IConnectionItemsFeature
    {
        public IDictionary<object, object?> Items { get; set; } = new Dictionary<object, object?>();
    }
}
