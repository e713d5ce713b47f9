using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace SpeechGate.Testing.FakeElevenLabs;

/// <summary>Writes a TTS body with the configured first-byte delay and chunk cadence; injects mid-stream resets.</summary>
internal sealed class FakeTtsResponder(HttpContext context, FakeElevenLabsRequest record, FakeTimeline timeline, FakeElevenLabsBehavior behavior, FakeFault? fault)
{
    private readonly TimeSpan _interval = fault?.Kind == FakeFaultKind.SlowBody ? fault.Delay : behavior.ChunkInterval;
    private static readonly TimeSpan ResetLinger = TimeSpan.FromMilliseconds(200);
    private readonly int _chunkSize = Math.Max(1, behavior.ChunkSize);

    public async Task WriteAudioAsync(FakeAudio audio, CancellationToken cancellationToken)
    {
        var buffer = new byte[_chunkSize];
        await Task.Delay(behavior.FirstByteDelay, cancellationToken).ConfigureAwait(false);
        for (var index = 0; audio.Remaining > 0; index++)
        {
            if (index > 0)
            {
                await Task.Delay(_interval, cancellationToken).ConfigureAwait(false);
            }

            var count = audio.Fill(buffer);
            if (await ResetIfDueAsync(buffer.AsMemory(0, count), cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            await context.Response.Body.WriteAsync(buffer.AsMemory(0, count), cancellationToken).ConfigureAwait(false);
            await SentAsync(count, audio.Remaining == 0, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task WriteLinesAsync(FakeAudio audio, string[] characters, double secondsPerCharacter, CancellationToken cancellationToken)
    {
        var buffer = new byte[_chunkSize];
        var total = audio.Length;
        await Task.Delay(behavior.FirstByteDelay, cancellationToken).ConfigureAwait(false);
        for (var index = 0; audio.Remaining > 0; index++)
        {
            if (index > 0)
            {
                await Task.Delay(_interval, cancellationToken).ConfigureAwait(false);
            }

            var start = total - audio.Remaining;
            var count = audio.Fill(buffer);
            var from = (int)(start * characters.Length / total);
            var to = audio.Remaining == 0 ? characters.Length : (int)((start + count) * characters.Length / total);
            var alignment = FakeAlignment.Build(characters, from, to, secondsPerCharacter);
            var line = new JsonObject
            {
                ["audio_base64"] = Convert.ToBase64String(buffer, 0, count),
                ["alignment"] = alignment,
                ["normalized_alignment"] = alignment?.DeepClone(),
            }.ToJsonString() + "\n";
            if (await ResetIfDueAsync(Encoding.UTF8.GetBytes(line), cancellationToken, count).ConfigureAwait(false))
            {
                return;
            }

            await context.Response.WriteAsync(line, cancellationToken).ConfigureAwait(false);
            await SentAsync(count, audio.Remaining == 0, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task WriteJsonAsync(FakeAudio audio, string[] characters, double secondsPerCharacter, CancellationToken cancellationToken)
    {
        var bytes = new byte[audio.Length];
        audio.Fill(bytes);
        var alignment = FakeAlignment.Build(characters, 0, characters.Length, secondsPerCharacter);
        var body = new JsonObject
        {
            ["audio_base64"] = Convert.ToBase64String(bytes),
            ["alignment"] = alignment,
            ["normalized_alignment"] = alignment?.DeepClone(),
        }.ToJsonString();
        await Task.Delay(behavior.FirstByteDelay, cancellationToken).ConfigureAwait(false);
        if (await ResetIfDueAsync(Encoding.UTF8.GetBytes(body), cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        await context.Response.WriteAsync(body, cancellationToken).ConfigureAwait(false);
        await SentAsync(bytes.Length, last: true, cancellationToken).ConfigureAwait(false);
    }

    private async Task SentAsync(int audioBytes, bool last, CancellationToken cancellationToken)
    {
        await context.Response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
        record.AudioBytesSent += audioBytes;
        var index = record.ChunksSent++;
        timeline.Mark($"sent:{record.Sequence}:{index}");
        if (last)
        {
            timeline.Mark($"sent-last:{record.Sequence}");
        }
    }

    /// <summary>For a reset fault: writes the bytes up to the limit, flushes, and aborts the connection.</summary>
    /// <remarks>The 200 status and headers always go out first: the reset breaks a body upstream has already billed.</remarks>
    private async Task<bool> ResetIfDueAsync(ReadOnlyMemory<byte> next, CancellationToken cancellationToken, int? audioBytes = null)
    {
        if (fault?.Kind != FakeFaultKind.ResetAfterBytes || record.AudioBytesSent + (audioBytes ?? next.Length) <= fault.Bytes)
        {
            return false;
        }

        var allowed = audioBytes is null ? (int)Math.Max(0, fault.Bytes - record.AudioBytesSent) : 0;
        if (allowed > 0)
        {
            await context.Response.Body.WriteAsync(next[..allowed], cancellationToken).ConfigureAwait(false);
            await context.Response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
            record.AudioBytesSent += allowed;
        }
        else if (!context.Response.HasStarted)
        {
            await context.Response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        if (fault.Gate is { } gate)
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            // A reset discards what the client has not read yet: give the 200 and the bytes sent a moment to arrive,
            // or the client's HttpClient sees a connection that died before any answer and may send the POST again.
            await Task.Delay(ResetLinger, cancellationToken).ConfigureAwait(false);
        }

        record.Aborted = true;
        timeline.Mark($"reset:{record.Sequence}");
        context.Abort();
        return true;
    }
}
