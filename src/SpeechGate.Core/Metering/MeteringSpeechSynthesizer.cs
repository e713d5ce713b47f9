using SpeechGate.Synthesis;

namespace SpeechGate.Metering;

/// <summary>
/// Appends every answered request to the ledger through <see cref="SpeechAnswerRecorder"/>: upstream charges with their
/// credits, cache hits at 0 credits with what they saved. The row rides on the answer (<c>GetUsage()</c>).
/// </summary>
/// <remarks>
/// It sits outside the cache (unlike the budget, which only sees real provider calls) so that hits are ledgered and
/// "saved by cache" can be totalled. Failed requests cost nothing and leave no row (a paid call that broke is ledgered by
/// the budget stage, once). A ledger that cannot be written is never the caller's problem: the row waits in the
/// <see cref="LedgerBacklog"/> and the audio goes out.
/// </remarks>
internal sealed class MeteringSpeechSynthesizer(ISpeechSynthesizer inner, SpeechAnswerRecorder recorder)
    : DelegatingSpeechSynthesizer(inner)
{
    public override async Task<SpeechAudio> SynthesizeAsync(SpeechRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var audio = await base.SynthesizeAsync(request, cancellationToken).ConfigureAwait(false);
        var written = await recorder.RecordAsync(request, audio).ConfigureAwait(false);
        return audio.WithUsage(written);
    }
}
