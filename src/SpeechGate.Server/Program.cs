using SpeechGate.Server;
using SpeechGate.Server.Hosting;

// Standalone host: `dotnet run -- --host 127.0.0.1 --port 5270` (or SPEECHGATE_HOST / SPEECHGATE_PORT).
var settings = new ConfigurationBuilder().AddEnvironmentVariables("SPEECHGATE_").AddCommandLine(args).Build();
var options = new GatewayHostOptions
{
    Args = args,
    Host = settings["host"] ?? "127.0.0.1",
    Port = settings.GetValue("port", GatewayHostOptions.DefaultPort),
};
var app = GatewayApplication.Build(options);
await app.RunAsync();
