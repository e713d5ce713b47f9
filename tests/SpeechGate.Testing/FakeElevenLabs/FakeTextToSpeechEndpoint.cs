using System.Globalization;
using Microsoft.AspNetCore.Http;
using SpeechGate.Models;
using SpeechGate.Providers.ElevenLabs;

namespace SpeechGate.Testing.FakeElevenLabs;

/// <summary>The four TTS routes: schema (422) → auth → voice → model → length → tier → faults → concurrency → quota → audio.</summary>
internal sealed class FakeTextToSpeechEndpoint(FakeElevenLabsServer server)
{
    public RequestDelegate Handler(bool streamed, bool timestamps) => context => HandleAsync(context, streamed, timestamps);

    private async Task HandleAsync(HttpContext context, bool streamed, bool timestamps)
    {
        var record = await server.BeginAsync(context).ConfigureAwait(false);
        var issues = new List<FakeValidationIssue>();
        var request = FakeTtsRequestParser.Parse(record.Body, context.Request.Query, issues);
        if (request is null)
        {
            await FakeErrorWriter.WriteValidationAsync(context, issues, record).ConfigureAwait(false);
            return;
        }

        var voiceId = (string)context.Request.RouteValues["voice_id"]!;
        var error = server.Authenticate(context) ?? Check(request, voiceId, streamed);
        if (error is not null)
        {
            await server.WriteErrorAsync(context, error, record).ConfigureAwait(false);
            return;
        }

        var fault = server.TakeFault(context.Request.Path);
        if (await ApplyFaultAsync(context, fault, record).ConfigureAwait(false))
        {
            return;
        }

        var model = KnownModels.Find(request.ModelId)!;
        var family = ElevenLabsConcurrencyDefaults.IsFastModel(model.ModelId) ? "fast" : "standard";
        var limit = server.Behavior.ConcurrencyLimit ?? ElevenLabsConcurrencyDefaults.For(server.Account.Tier, model.ModelId);
        using var slot = server.Concurrency.TryEnter(family, limit);
        if (slot is null)
        {
            await server.WriteErrorAsync(context, FakeError.TooManyConcurrentRequests(limit), record).ConfigureAwait(false);
            return;
        }

        var cost = model.CreditsFor(request.Text.Length);
        if (!server.Account.TryCharge(cost, out var before, out var after))
        {
            var account = server.Account;
            await server.WriteErrorAsync(context, FakeError.QuotaExceeded(account.CharacterLimit, Math.Max(0, account.CharacterLimit - before), cost), record).ConfigureAwait(false);
            return;
        }

        await RespondAsync(context, record, request, voiceId, (cost, before, after), fault, streamed, timestamps).ConfigureAwait(false);
    }

    private FakeError? Check(FakeTtsRequest request, string voiceId, bool streamed)
    {
        var account = server.Account;
        if (!account.Voices.ContainsKey(voiceId))
        {
            if (!account.SharedVoices.ContainsKey(voiceId))
            {
                return FakeError.VoiceNotFound(voiceId);
            }

            if (account.Tier == "free")
            {
                return FakeError.PaidPlanRequired();
            }
        }

        if (KnownModels.Find(request.ModelId) is not { } model)
        {
            return FakeError.ModelNotFound(request.ModelId);
        }

        if (request.Text.Length > model.MaxCharactersPerRequest)
        {
            return FakeError.MaxCharacterLimitExceeded(request.Text.Length, model.MaxCharactersPerRequest);
        }

        if (streamed && !request.Format.IsStreamable)
        {
            return new FakeError(422, "invalid_parameters", $"Output format {request.Format.Name} is not supported for streaming.") { Param = "output_format", Type = "validation_error" };
        }

        return FakeTier.Allows(account.Tier, request.Format.MinimumTier) ? null : FakeError.OutputFormatNotAllowed(request.Format.Name, Capitalize(request.Format.MinimumTier));
    }

    private async Task<bool> ApplyFaultAsync(HttpContext context, FakeFault? fault, FakeElevenLabsRequest record)
    {
        switch (fault?.Kind)
        {
            case FakeFaultKind.ServerError:
                await server.WriteErrorAsync(context, FakeError.SomethingWentWrong(), record).ConfigureAwait(false);
                return true;
            case FakeFaultKind.SystemBusy:
                context.Response.Headers[fault.DelayInMilliseconds ? "retry-after-ms" : "Retry-After"] = fault.DelayInMilliseconds
                    ? ((long)fault.Delay.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)
                    : ((long)Math.Ceiling(fault.Delay.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await server.WriteErrorAsync(context, FakeError.SystemBusy(), record).ConfigureAwait(false);
                return true;
            case FakeFaultKind.TooManyConcurrentRequests:
                await server.WriteErrorAsync(context, FakeError.TooManyConcurrentRequests(server.Behavior.ConcurrencyLimit ?? 2), record).ConfigureAwait(false);
                return true;
            case FakeFaultKind.Hold:
                try
                {
                    server.Timeline.Mark($"held:{record.Sequence}");
                    await fault.Gate!.WaitAsync(context.RequestAborted).ConfigureAwait(false);
                    return false;
                }
                catch (OperationCanceledException)
                {
                    record.Aborted = true;
                    return true;
                }

            case FakeFaultKind.ResetBeforeResponse:
                record.Aborted = true;
                context.Abort();
                return true;
            default:
                return false;
        }
    }

    private async Task RespondAsync(HttpContext context, FakeElevenLabsRequest record, FakeTtsRequest request, string voiceId, (int Cost, long Before, long After) charge, FakeFault? fault, bool streamed, bool timestamps)
    {
        var ids = FakeElevenLabsServer.NewIds(record);
        record.BilledCharacters = charge.Cost;
        record.RequestId = ids.RequestId;
        record.HistoryItemId = ids.HistoryItemId;
        record.StatusCode = 200;

        var headers = context.Response.Headers;
        headers["request-id"] = ids.RequestId;
        headers["history-item-id"] = ids.HistoryItemId;
        headers["character-cost"] = charge.Cost.ToString(CultureInfo.InvariantCulture);
        headers["x-trace-id"] = ids.TraceId;

        // The with-timestamps content types are UNVERIFIED; the bodies are JSON (NDJSON when streamed).
        context.Response.ContentType = timestamps ? "application/json" : request.Format.MediaType;
        var seconds = Math.Max(0.5, request.Text.Length * server.Behavior.SecondsPerCharacter);
        var audio = server.Behavior.AudioFactory is { } make
            ? FakeAudio.FromContent(make(request.Identity(voiceId), request.Format, seconds), request.Format)
            : new FakeAudio(request.Identity(voiceId), request.Format, seconds);

        // Zero retention (enable_logging=false) keeps no History item.
        if (!string.Equals(context.Request.Query["enable_logging"], "false", StringComparison.OrdinalIgnoreCase))
        {
            server.Account.History[ids.HistoryItemId] = new FakeHistoryItem(ids.HistoryItemId, ids.RequestId, voiceId, request.ModelId, request.Text, charge.Before, charge.After, request.Format.Name)
            {
                AudioIdentity = request.Identity(voiceId),
                Seconds = seconds,
            };
        }

        var characters = FakeAlignment.Characters(request.Text);
        var perCharacter = seconds / Math.Max(1, characters.Length);
        var responder = new FakeTtsResponder(context, record, server.Timeline, server.Behavior, fault);
        var token = context.RequestAborted;
        var write = (streamed, timestamps) switch
        {
            (_, false) => responder.WriteAudioAsync(audio, token),
            (true, true) => responder.WriteLinesAsync(audio, characters, perCharacter, token),
            (false, true) => responder.WriteJsonAsync(audio, characters, perCharacter, token),
        };
        try
        {
            await write.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // The client went away; upstream has billed anyway.
        }
    }

    private static string Capitalize(string tier) => char.ToUpperInvariant(tier[0]) + tier[1..];
}
