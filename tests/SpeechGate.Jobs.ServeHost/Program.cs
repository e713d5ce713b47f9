using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SpeechGate.Server;
using SpeechGate.Server.Hosting;

// Usage: dotnet SpeechGate.Jobs.ServeHost.dll <data directory> <settings.json>
// Prints "listening on <url>" once the gateway (and its jobs) run; stops only when killed.
if (args.Length != 2)
{
    await Console.Error.WriteLineAsync("usage: SpeechGate.Jobs.ServeHost <data directory> <settings.json>");
    return 2;
}

var app = GatewayApplication.Build(new GatewayHostOptions
{
    Port = 0,
    DataDirectory = args[0],
    Configuration = new ConfigurationBuilder().AddJsonFile(Path.GetFullPath(args[1])).Build(),
});
await app.StartAsync();
Console.WriteLine("listening on " + app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
await Task.Delay(Timeout.Infinite);
return 0;
