using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using SpeechGate.Observability;

namespace SpeechGate.Server.Observability;

/// <summary>
/// OTLP export of the SpeechGate traces (<c>speechgate.upstream</c> activities) and meter, only when an endpoint is
/// configured: <c>Otlp:Endpoint</c> (or the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>), <c>Otlp:Protocol</c>
/// <c>grpc</c> (default) or <c>http/protobuf</c>. Without one, nothing of OpenTelemetry is registered.
/// </summary>
internal static class OtlpExport
{
    public const string EndpointKey = "Otlp:Endpoint";
    public const string ProtocolKey = "Otlp:Protocol";

    public static IServiceCollection AddOtlpExportIfConfigured(this IServiceCollection services, IConfiguration configuration)
    {
        var endpoint = configuration[EndpointKey] ?? configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return services;
        }

        var http = string.Equals(configuration[ProtocolKey], "http/protobuf", StringComparison.OrdinalIgnoreCase);
        var baseUri = new Uri(endpoint.TrimEnd('/') + "/");
        void Configure(OtlpExporterOptions options, string signal)
        {
            options.Protocol = http ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;

            // Set in code, the HTTP endpoint is the signal's full URL; gRPC takes the base.
            options.Endpoint = http ? new Uri(baseUri, "v1/" + signal) : baseUri;
        }

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("speechgate"))
            .WithTracing(tracing => tracing.AddSource(SpeechGateMetrics.MeterName).AddOtlpExporter(options => Configure(options, "traces")))
            .WithMetrics(metrics => metrics.AddMeter(SpeechGateMetrics.MeterName).AddOtlpExporter(options => Configure(options, "metrics")));
        return services;
    }
}
