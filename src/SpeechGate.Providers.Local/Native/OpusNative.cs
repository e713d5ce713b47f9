using System.Runtime.InteropServices;

namespace SpeechGate.Providers.Local.Native;

/// <summary>libopus' encoder API (opus.h).</summary>
internal static unsafe partial class OpusNative
{
    public const string Library = "libopus.so.0";
    public const int ApplicationAudio = 2049;
    public const int SetBitrateRequest = 4002;
    public const int GetLookaheadRequest = 4027;

    [LibraryImport(Library, EntryPoint = "opus_encoder_create")]
    public static partial nint EncoderCreate(int sampleRate, int channels, int application, out int error);

    [LibraryImport(Library, EntryPoint = "opus_encoder_destroy")]
    public static partial void EncoderDestroy(nint encoder);

    // opus_encoder_ctl is variadic; on the System V x86-64 and AArch64 Linux ABIs an int or pointer vararg is passed
    // exactly like a fixed argument, so fixed-signature imports per request type are the usual, safe binding.
    [LibraryImport(Library, EntryPoint = "opus_encoder_ctl")]
    public static partial int EncoderCtl(OpusEncoderHandle encoder, int request, int value);

    [LibraryImport(Library, EntryPoint = "opus_encoder_ctl")]
    public static partial int EncoderCtl(OpusEncoderHandle encoder, int request, out int value);

    [LibraryImport(Library, EntryPoint = "opus_encode")]
    public static partial int Encode(OpusEncoderHandle encoder, short* pcm, int frameSize, byte* data, int maxDataBytes);

    [LibraryImport(Library, EntryPoint = "opus_get_version_string")]
    public static partial byte* GetVersionString();
}
