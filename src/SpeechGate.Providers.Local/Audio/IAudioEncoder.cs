using System.Buffers;

namespace SpeechGate.Providers.Local.Audio;

/// <summary>Encodes 16-bit mono PCM at the engine's rate into one output format, block by block.</summary>
/// <remarks>Not thread-safe: one encoder serves one request. Encoded bytes are written as soon as the codec has them.</remarks>
internal interface IAudioEncoder : IDisposable
{
    /// <summary>Feeds a block of samples; appends whatever encoded bytes are ready to <paramref name="output"/>.</summary>
    void Write(ReadOnlySpan<short> samples, IBufferWriter<byte> output);

    /// <summary>Ends the stream: appends everything still buffered (codec delay, padding, trailers).</summary>
    void Complete(IBufferWriter<byte> output);
}
