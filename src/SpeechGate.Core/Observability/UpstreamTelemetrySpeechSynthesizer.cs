using System.Diagnostics;
using System.Runtime.CompilerServices;
using SpeechGate.Synthesis;

namespace SpeechGate.Observability;

/// <summary>
/// The innermost stage: times each provider call (to its first audio chunk and to its last) by provider, model and
/// route, counts its errors by code, and traces it as a <c>speechgate.upstream</c> activity. Only calls that reach a
/// provider pass here (misses and bypasses), so it costs a cache hit nothing.
/// </summary>
internal sealed class UpstreamTelemetrySpeechSynthesizer(ISpeechSynthesizer inner, SpeechGateMetrics metrics, TimeProvider time)
    : DelegatingSpeechSynthesizer(inner)
{
    public override async Task<SpeechAudio> SynthesizeAsync(SpeechRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var call = new Call(request.Provider ?? "default", request.ModelId, RouteOf(request), time.GetTimestamp());
        var activity = SpeechGateMetrics.ActivitySource.StartActivity("speechgate.upstream", ActivityKind.Client);
        activity?.SetTag("speechgate.provider", call.Provider);
        activity?.SetTag("speechgate.model", call.Model);
        activity?.SetTag("speechgate.route", call.Route);
        try
        {
            var audio = await base.SynthesizeAsync(request, cancellationToken).ConfigureAwait(false);
            activity?.SetTag("speechgate.billed_characters", audio.BilledCharacters);
            return audio with { Chunks = TimeAsync(audio.Chunks, call, activity, CancellationToken.None) };
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            Fail(call, activity, error);
            throw;
        }
    }

    /// <summary>
    /// Names the provider endpoint a request takes: streamable formats use <c>/stream</c>, WAV is convert-only
    /// (the rule of ElevenLabs' route), with or without timestamps.
    /// </summary>
    internal static string RouteOf(SpeechRequest request)
        => (request.Format.IsStreamable, request.WithTimestamps) switch
        {
            (true, false) => "stream",
            (true, true) => "stream_timestamps",
            (false, false) => "convert",
            (false, true) => "convert_timestamps",
        };

    private async IAsyncEnumerable<AudioChunk> TimeAsync(IAsyncEnumerable<AudioChunk> chunks, Call call, Activity? activity, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var first = true;
        var enumerator = chunks.GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                AudioChunk chunk;
                try
                {
                    if (!await enumerator.MoveNextAsync().ConfigureAwait(false))
                    {
                        break;
                    }

                    chunk = enumerator.Current;
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    Fail(call, activity, error);
                    throw;
                }

                if (first)
                {
                    first = false;
                    metrics.RecordUpstreamFirstByte(call.Provider, call.Model, call.Route, time.GetElapsedTime(call.Started));
                }

                yield return chunk;
            }

            metrics.RecordUpstreamDuration(call.Provider, call.Model, call.Route, time.GetElapsedTime(call.Started));
        }
        finally
        {
            await enumerator.DisposeAsync().ConfigureAwait(false);
            activity?.Dispose();
        }
    }

    private void Fail(Call call, Activity? activity, Exception error)
    {
        var (code, status) = error is SpeechException speech ? (speech.Status, speech.StatusCode) : ("transport_error", 0);
        metrics.RecordUpstreamError(call.Provider, code, status);
        activity?.SetStatus(ActivityStatusCode.Error, code);
        activity?.Dispose();
    }

    private readonly record struct Call(string Provider, string? Model, string Route, long Started);
}
