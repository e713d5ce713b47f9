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

WebApplication app;
try
{
    app = GatewayApplication.Build(options);
}
catch (Exception exception) when (exception is InvalidOperationException or ArgumentException)
{
    await Console.Error.WriteLineAsync("speechgate: " + exception.Message);
    return 1;
}

await app.RunAsync();
return 0;
