using SpeechGate.Server.Endpoints;
using SpeechGate.Server.Errors;
using SpeechGate.Server.HotHits;
using SpeechGate.Server.Observability;

namespace SpeechGate.Server.Hosting;

/// <summary>The gateway's middleware order and routes.</summary>
internal static class GatewayApplicationBuilderExtensions
{
    public static WebApplication UseSpeechGateGateway(this WebApplication app, GatewayOptions options)
    {
        app.UseGatewayObservability();
        app.Use((context, next) =>
        {
            context.TraceIdentifier = TraceIds.Next();
            context.Response.Headers[ElevenLabsErrors.TraceIdHeader] = context.TraceIdentifier;
            return next(context);
        });
        app.Use(OversizedRequests.InvokeAsync);
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            AllowStatusCode404Response = true,
            ExceptionHandler = context => ElevenLabsErrors.WriteDetailAsync(context, 500, "something_went_wrong",
                "We are sorry, something went wrong. You are not charged for this request."),
        });
        if (options.HotHits)
        {
            // Before routing and the pipeline: a repeat of a cached request is answered here, or passed on untouched.
            app.UseMiddleware<HotHitMiddleware>();
        }

        app.UseStatusCodePages(StatusCodeBodies.WriteAsync);
        app.UseRouting();
        app.UseCors();
        app.UseWebSockets();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();

        app.MapHealthEndpoints();
        app.MapTextToSpeechEndpoints();
        app.MapStreamInputEndpoints();
        app.MapMultiStreamInputEndpoints();
        app.MapOpenAISpeechEndpoints();
        app.MapVoicesEndpoints();
        app.MapVoiceSettingsEndpoints();
        app.MapModelsEndpoints();
        app.MapUserEndpoints();
        app.MapSpeechGateEndpoints();
        app.MapGatewayObservability();
        app.MapRenderEndpoints();
        return app;
    }
}
