using System.Runtime.InteropServices;

namespace SpeechGate.Providers.Local.Native;

/// <summary>libFLAC's stream encoder API (FLAC/stream_encoder.h); FLAC__bool is an int.</summary>
internal static unsafe partial class FlacNative
{
    public const string Library = "libFLAC.so.12";
    public const int InitStatusOk = 0;
    public const int WriteStatusOk = 0;
    public const int WriteStatusFatalError = 1;

    [LibraryImport(Library, EntryPoint = "FLAC__stream_encoder_new")]
    public static partial nint New();

    [LibraryImport(Library, EntryPoint = "FLAC__stream_encoder_delete")]
    public static partial void Delete(nint encoder);

    [LibraryImport(Library, EntryPoint = "FLAC__stream_encoder_set_channels")]
    public static partial int SetChannels(FlacEncoderHandle encoder, uint channels);

    [LibraryImport(Library, EntryPoint = "FLAC__stream_encoder_set_bits_per_sample")]
    public static partial int SetBitsPerSample(FlacEncoderHandle encoder, uint bits);

    [LibraryImport(Library, EntryPoint = "FLAC__stream_encoder_set_sample_rate")]
    public static partial int SetSampleRate(FlacEncoderHandle encoder, uint rate);

    [LibraryImport(Library, EntryPoint = "FLAC__stream_encoder_set_compression_level")]
    public static partial int SetCompressionLevel(FlacEncoderHandle encoder, uint level);

    [LibraryImport(Library, EntryPoint = "FLAC__stream_encoder_init_stream")]
    public static partial int InitStream(
        FlacEncoderHandle encoder,
        delegate* unmanaged[Cdecl]<nint, byte*, nuint, uint, uint, nint, int> write,
        nint seek,
        nint tell,
        nint metadata,
        nint clientData);

    [LibraryImport(Library, EntryPoint = "FLAC__stream_encoder_process_interleaved")]
    public static partial int ProcessInterleaved(FlacEncoderHandle encoder, int* buffer, uint samples);

    [LibraryImport(Library, EntryPoint = "FLAC__stream_encoder_finish")]
    public static partial int Finish(FlacEncoderHandle encoder);
}
