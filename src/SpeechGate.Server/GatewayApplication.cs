using Microsoft.Extensions.Configuration.Memory;
using SpeechGate.Server.Authentication;
using SpeechGate.Server.Hosting;

namespace SpeechGate.Server;

/// <summary>Builds the gateway web application; <c>Program.cs</c> and <c>speechgate serve</c> both host it.</summary>
public static class GatewayApplication
{
    /// <summary>
    /// Builds (does not start) the gateway. <paramref name="configureServices"/> runs after the providers are registered
    /// and before the defaults, so it can replace a provider or compose the pipeline (<c>AddSpeechPipeline().UseCache()</c>).
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// The host is not loopback and no gateway key exists, a <c>Gateway</c> setting is invalid, or voices.yaml is invalid.
    /// </exception>
    public static WebApplication Build(GatewayHostOptions options, Action<IServiceCollection>? configureServices = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var keys = new GatewayKeyStore(options.DataDirectory);
        if (!ListenAddress.IsLoopback(options.Host) && !keys.HasActiveKeys())
        {
            throw new InvalidOperationException(
                $"Refusing to listen on {options.Host}: no gateway key exists, so anyone who can reach this address could spend your credits. " +
                "Create one first (speechgate keys create <name>) or bind 127.0.0.1.");
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [.. options.Args] });

        // Lowest-priority default (any configuration may turn it back on): while hosting's request logger is enabled at
        // any level it starts an Activity and a log scope for every request, listener or not — a tenth of a cache hit.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = [new("Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics", "None")],
        });
        if (options.Configuration is not null)
        {
            builder.Configuration.AddConfiguration(options.Configuration);
        }

        // What the host set in code is the default; the Gateway section (speechgate.json, SPEECHGATE_Gateway__*) overrides it.
        var gateway = options.Gateway.Clone();
        builder.Configuration.GetSection(GatewayOptions.SectionName).Bind(gateway);
        gateway.Validate();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = gateway.MaxRequestBodyBytes;

            // Above the gateway's own limits (Errors/OversizedRequests), which answer 414/431 with a JSON body.
            kestrel.Limits.MaxRequestLineSize = Errors.OversizedRequests.KestrelTargetBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = Errors.OversizedRequests.KestrelHeaderBytes;
            kestrel.Limits.MaxRequestHeaderCount = Errors.OversizedRequests.KestrelHeaderCount;
            kestrel.Listen(ListenAddress.Resolve(options.Host), options.Port, listen =>
            {
                if (options.Certificate is { } certificate)
                {
                    listen.UseHttps(certificate);
                }
            });
        });
        // Kestrel's own HTTPS configuration (Kestrel:Endpoints, Kestrel:Certificates) works as in a full builder.
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = gateway.ShutdownTimeout);
        builder.Services.AddLocalSpeechProvider();
        builder.Services.AddElevenLabsSpeechProvider();
        configureServices?.Invoke(builder.Services);
        builder.Services.AddSpeechGateGateway(options, gateway, keys, builder.Configuration);

        var app = builder.Build();
        GatewayPipelineServices.ValidateVoiceConfiguration(app.Services);
        StateFiles.EnsureUsable(keys, app.Services);

        // Created now, not at the first paid call: it writes what an earlier run left in the ledger backlog and ends
        // the budget reservations a crashed process abandoned.
        _ = app.Services.GetRequiredService<SpeechGate.Metering.LedgerBacklog>();
        GatewayPipelineServices.ValidateJobConfiguration(app.Services);
        app.UseSpeechGateGateway(gateway);
        return app;
    }
}
