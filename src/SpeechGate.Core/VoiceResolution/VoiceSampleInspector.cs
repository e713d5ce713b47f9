using System.Buffers.Binary;
using System.Security.Cryptography;
using SpeechGate.Synthesis;

namespace SpeechGate.VoiceResolution;

/// <summary>
/// Checks voice-cloning samples before anything is uploaded: each must be readable audio (WAV, MP3 or FLAC, decoded
/// from its own headers and frames, not guessed from the extension) with a duration and size ElevenLabs accepts.
/// </summary>
/// <remarks>
/// ElevenLabs documents instant voice cloning as "1–2 minutes of clean audio" and caps uploads per file; the exact limits
/// the API enforces are UNVERIFIED, so these are the plausible ones: at most 25 files of at most 10 MB each, each at
/// least 1 second long, 5 seconds or more in all. Less than a minute in all is accepted with a warning.
/// </remarks>
public static class VoiceSampleInspector
{
    /// <summary>Most files one clone takes.</summary>
    public const int MaximumFiles = 25;

    /// <summary>Largest accepted file.</summary>
    public const long MaximumFileBytes = 10L * 1024 * 1024;

    /// <summary>Shortest accepted sample.</summary>
    public static readonly TimeSpan MinimumSampleDuration = TimeSpan.FromSeconds(1);

    /// <summary>Shortest accepted total.</summary>
    public static readonly TimeSpan MinimumTotalDuration = TimeSpan.FromSeconds(5);

    /// <summary>Below this total, the clone is made but a warning says the likeness will suffer.</summary>
    public static readonly TimeSpan RecommendedTotalDuration = TimeSpan.FromMinutes(1);

    /// <summary>Reads and checks every file; throws a 400 <c>invalid_voice_sample</c> naming the first bad file and why.</summary>
    public static async Task<IReadOnlyList<VoiceSample>> InspectAsync(IReadOnlyList<string> paths, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        if (paths.Count == 0)
        {
            throw Invalid("Give at least one sample file.");
        }

        if (paths.Count > MaximumFiles)
        {
            throw Invalid($"{paths.Count} sample files; a clone takes at most {MaximumFiles}.");
        }

        var samples = new List<VoiceSample>(paths.Count);
        foreach (var path in paths)
        {
            samples.Add(await InspectFileAsync(path, cancellationToken).ConfigureAwait(false));
        }

        var total = samples.Aggregate(TimeSpan.Zero, (sum, sample) => sum + sample.Duration);
        if (total < MinimumTotalDuration)
        {
            throw Invalid($"the samples hold {total.TotalSeconds:0.0} s of audio in all; a clone needs at least {MinimumTotalDuration.TotalSeconds:0} s (1–2 minutes is best).");
        }

        return samples;
    }

    /// <summary>Checks one sample held in memory.</summary>
    public static VoiceSample Inspect(string fileName, ReadOnlyMemory<byte> content)
    {
        if (content.Length > MaximumFileBytes)
        {
            throw Invalid($"{fileName} is {content.Length / (1024.0 * 1024):0.0} MB; a sample may be at most {MaximumFileBytes / (1024 * 1024)} MB.");
        }

        var (mediaType, duration) = Decode(content.Span)
            ?? throw Invalid($"{fileName} is not readable audio (WAV, MP3 or FLAC expected).");
        if (duration < MinimumSampleDuration)
        {
            throw Invalid($"{fileName} is {duration.TotalSeconds:0.00} s long; each sample needs at least {MinimumSampleDuration.TotalSeconds:0} s of speech.");
        }

        return new VoiceSample(fileName, mediaType, content, duration, Convert.ToHexStringLower(SHA256.HashData(content.Span)));
    }

    private static async Task<VoiceSample> InspectFileAsync(string path, CancellationToken cancellationToken)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw Invalid($"{path}: no such file.");
        }

        if (info.Length > MaximumFileBytes)
        {
            throw Invalid($"{path} is {info.Length / (1024.0 * 1024):0.0} MB; a sample may be at most {MaximumFileBytes / (1024 * 1024)} MB.");
        }

        byte[] content;
        try
        {
            content = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw Invalid($"{path} cannot be read: {error.Message}");
        }

        return Inspect(Path.GetFileName(path), content);
    }

    private static SpeechException Invalid(string message) => new(400, "invalid_voice_sample", message) { Param = "files" };

    private static (string MediaType, TimeSpan Duration)? Decode(ReadOnlySpan<byte> bytes)
        => Wav(bytes) is { } wav ? ("audio/wav", wav)
            : Flac(bytes) is { } flac ? ("audio/flac", flac)
            : Mp3(bytes) is { } mp3 ? ("audio/mpeg", mp3)
            : null;

    // RIFF/WAVE: the fmt chunk's byte rate over the data chunk's length (PCM, float, G.711 alike).
    private static TimeSpan? Wav(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 12 || !bytes[..4].SequenceEqual("RIFF"u8) || !bytes[8..12].SequenceEqual("WAVE"u8))
        {
            return null;
        }

        var byteRate = 0u;
        for (var offset = 12; offset + 8 <= bytes.Length;)
        {
            var id = bytes.Slice(offset, 4);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(bytes.Slice(offset + 4, 4));
            var body = offset + 8;
            if (id.SequenceEqual("fmt "u8) && size >= 16 && body + 16 <= bytes.Length)
            {
                byteRate = BinaryPrimitives.ReadUInt32LittleEndian(bytes.Slice(body + 8, 4));
            }
            else if (id.SequenceEqual("data"u8))
            {
                // Streamed WAVs leave the size unset (0 or 0xFFFFFFFF): count what is actually there.
                var length = size is 0 or uint.MaxValue ? bytes.Length - body : Math.Min(size, bytes.Length - body);
                return byteRate == 0 ? null : TimeSpan.FromSeconds((double)length / byteRate);
            }

            var next = body + (long)size + (size & 1);
            if (next > bytes.Length)
            {
                break;
            }

            offset = (int)next;
        }

        return null;
    }

    // FLAC: STREAMINFO's total samples over its sample rate.
    private static TimeSpan? Flac(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 42 || !bytes[..4].SequenceEqual("fLaC"u8) || (bytes[4] & 0x7F) != 0)
        {
            return null;
        }

        var info = bytes.Slice(8, 34);
        var rate = (info[10] << 12) | (info[11] << 4) | (info[12] >> 4);
        var samples = ((long)(info[13] & 0x0F) << 32) | BinaryPrimitives.ReadUInt32BigEndian(info.Slice(14, 4));
        return rate == 0 || samples == 0 ? null : TimeSpan.FromSeconds((double)samples / rate);
    }

    // MPEG audio: walk the frames (after any ID3v2 tag), summing samples per frame; at least three consecutive valid
    // frames, so a text file that happens to contain 0xFFE is not taken for audio.
    private static TimeSpan? Mp3(ReadOnlySpan<byte> bytes)
    {
        var offset = 0;
        if (bytes.Length >= 10 && bytes[..3].SequenceEqual("ID3"u8))
        {
            offset = 10 + ((bytes[6] & 0x7F) << 21 | (bytes[7] & 0x7F) << 14 | (bytes[8] & 0x7F) << 7 | (bytes[9] & 0x7F));
        }

        var seconds = 0.0;
        var frames = 0;
        while (offset + 4 <= bytes.Length && Mp3Frame(bytes.Slice(offset, 4)) is { } frame)
        {
            seconds += frame.Seconds;
            offset += frame.Length;
            frames++;
        }

        return frames >= 3 ? TimeSpan.FromSeconds(seconds) : null;
    }

    private static readonly int[] Mpeg1Layer3Kbps = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
    private static readonly int[] Mpeg2Layer3Kbps = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
    private static readonly int[] Mpeg1Rates = [44100, 48000, 32000];

    private static (int Length, double Seconds)? Mp3Frame(ReadOnlySpan<byte> header)
    {
        if (header[0] != 0xFF || (header[1] & 0xE0) != 0xE0)
        {
            return null;
        }

        var version = (header[1] >> 3) & 3;    // 3 = MPEG-1, 2 = MPEG-2, 0 = MPEG-2.5
        var layer = (header[1] >> 1) & 3;      // 1 = Layer III
        var bitrateIndex = header[2] >> 4;
        var rateIndex = (header[2] >> 2) & 3;
        if (version == 1 || layer != 1 || bitrateIndex is 0 or 15 || rateIndex == 3)
        {
            return null;
        }

        var mpeg1 = version == 3;
        var rate = Mpeg1Rates[rateIndex] / (mpeg1 ? 1 : version == 2 ? 2 : 4);
        var kbps = (mpeg1 ? Mpeg1Layer3Kbps : Mpeg2Layer3Kbps)[bitrateIndex];
        var samplesPerFrame = mpeg1 ? 1152 : 576;
        var padding = (header[2] >> 1) & 1;
        var length = (samplesPerFrame / 8 * kbps * 1000 / rate) + padding;
        return length < 4 ? null : (length, (double)samplesPerFrame / rate);
    }
}
