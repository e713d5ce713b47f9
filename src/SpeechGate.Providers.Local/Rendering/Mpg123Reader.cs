using SpeechGate.Providers.Local.Native;
using SpeechGate.Voiceover.Rendering;

namespace SpeechGate.Providers.Local.Rendering;

/// <summary>Decodes an MP3 file to mono float samples with libmpg123 (stereo is mixed down by the library).</summary>
internal sealed unsafe class Mpg123Reader : IPcmReader
{
    private static readonly int[] Rates = [8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100, 48000];
    private readonly Mpg123Handle _handle;
    private bool _done;

    public Mpg123Reader(string path)
    {
        _handle = Mpg123Handle.Create();
        try
        {
            Mpg123Native.Param(_handle, Mpg123Native.AddFlags, Mpg123Native.FlagQuiet, 0);
            Mpg123Native.FormatNone(_handle);
            foreach (var rate in Rates)
            {
                Mpg123Native.Format(_handle, rate, Mpg123Native.Mono, Mpg123Native.EncodingFloat32);
            }

            Check(Mpg123Native.Open(_handle, path), path);
            var status = Mpg123Native.GetFormat(_handle, out var sampleRate, out _, out _);
            if (status == Mpg123Native.NeedMore || status == Mpg123Native.Done)
            {
                // No frame at all: an empty clip.
                _done = true;
                SampleRate = 44100;
                return;
            }

            Check(status, path);
            SampleRate = (int)sampleRate;
        }
        catch
        {
            _handle.Dispose();
            throw;
        }
    }

    public int SampleRate { get; }

    public int Read(Span<float> buffer)
    {
        while (!_done)
        {
            int status;
            nuint done;
            fixed (float* target = buffer)
            {
                status = Mpg123Native.Read(_handle, (byte*)target, (nuint)(buffer.Length * sizeof(float)), out done);
            }

            if (status is Mpg123Native.Done)
            {
                _done = true;
            }
            else if (status is not (Mpg123Native.Ok or Mpg123Native.NewFormat or Mpg123Native.NeedMore))
            {
                throw new InvalidDataException($"libmpg123 could not decode: {Mpg123Native.Describe(status)}.");
            }

            if (done > 0)
            {
                return (int)done / sizeof(float);
            }
        }

        return 0;
    }

    public void Dispose()
    {
        if (!_handle.IsInvalid)
        {
            Mpg123Native.Close(_handle);
        }

        _handle.Dispose();
    }

    private static void Check(int status, string path)
    {
        if (status != Mpg123Native.Ok)
        {
            throw new InvalidDataException($"libmpg123 cannot open {Path.GetFileName(path)}: {Mpg123Native.Describe(status)}.");
        }
    }
}
