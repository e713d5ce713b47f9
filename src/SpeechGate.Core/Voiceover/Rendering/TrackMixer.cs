using SpeechGate.Audio;

namespace SpeechGate.Voiceover.Rendering;

/// <summary>
/// Joins the delivered lines into one track, streaming: lays the lines out (gaps or cue times) while measuring every
/// clip and the whole (libebur128), then decodes again through gain and a look-ahead limiter into the encoder, then
/// verifies the encoded track and corrects once or twice if needed. Nothing holds more than a block of samples.
/// </summary>
internal sealed class TrackMixer(IRenderAudio audio, AudioFormat format)
{
    private const int BlockSize = 8192;
    private const double FirstCeiling = -1.5;

    public int SampleRate { get; private set; }

    /// <summary>Pass 1: decodes every part, sets offsets, durations and clip statistics; returns the joined loudness.</summary>
    public (double Lufs, double TruePeak) Layout(IReadOnlyList<RenderLine> lines)
    {
        ILoudnessMeter? meter = null;
        var buffer = new float[BlockSize];
        long end = 0;
        var pause = 0;
        var first = true;
        try
        {
            foreach (var line in lines.Where(l => l.Delivered))
            {
                var (samples, peak, firstLoud, lastLoud) = (0L, 0f, -1L, -1L);
                foreach (var part in line.Parts)
                {
                    using var reader = audio.OpenReader(part.File, format);
                    if (SampleRate == 0)
                    {
                        SampleRate = reader.SampleRate;
                    }
                    else if (reader.SampleRate != SampleRate)
                    {
                        throw new InvalidDataException($"Line {line.Id} decodes at {reader.SampleRate} Hz, the track at {SampleRate} Hz.");
                    }

                    if (meter is null)
                    {
                        meter = audio.CreateMeter(SampleRate);
                    }

                    if (part == line.Parts[0])
                    {
                        var offset = Offset(line, end, pause, first);
                        Silence(meter, offset - end);
                        line.OffsetSamples = offset;
                        line.OffsetMs = offset * 1000 / SampleRate;
                        end = offset;
                    }

                    part.Samples = 0;
                    int read;
                    while ((read = reader.Read(buffer)) > 0)
                    {
                        var block = buffer.AsSpan(0, read);
                        meter.Add(block);
                        for (var i = 0; i < read; i++)
                        {
                            var magnitude = Math.Abs(block[i]);
                            peak = Math.Max(peak, magnitude);
                            if (magnitude > ClipStats.SilenceLevel)
                            {
                                lastLoud = samples + i;
                                if (firstLoud < 0)
                                {
                                    firstLoud = samples + i;
                                }
                            }
                        }

                        samples += read;
                        part.Samples += read;
                    }
                }

                end += samples;
                pause = line.PauseMs;
                first = false;
                line.Stats = Stats(samples, peak, firstLoud, lastLoud);
                line.DurationMs = line.Stats.DurationMs;
            }

            return meter is null ? (double.NegativeInfinity, double.NegativeInfinity) : (meter.IntegratedLoudness, meter.TruePeak);
        }
        finally
        {
            meter?.Dispose();
        }
    }

    /// <summary>Passes 2 and 3: writes the track at <paramref name="target"/>, verifies it, and corrects when it misses.</summary>
    public RenderLoudness Write(IReadOnlyList<RenderLine> lines, string path, LoudnessTarget target, double measuredLufs)
    {
        var gain = double.IsFinite(measuredLufs) ? target.IntegratedLufs - measuredLufs : 0;
        var ceiling = FirstCeiling;
        (double Lufs, double TruePeak) result = default;
        for (var attempt = 0; attempt < 6; attempt++)
        {
            WriteOnce(lines, path, gain, ceiling);
            result = Measure(path);
            if (!double.IsFinite(result.Lufs))
            {
                break;
            }

            var peakOver = result.TruePeak > LoudnessTarget.TruePeakCeiling - 0.05;
            var loudnessOff = Math.Abs(result.Lufs - target.IntegratedLufs) > 0.2;
            if (!peakOver && !loudnessOff)
            {
                break;
            }

            // Both at once: a lower ceiling for the peaks, more (or less) gain for the loudness the limiter took away.
            ceiling -= peakOver ? result.TruePeak - LoudnessTarget.TruePeakCeiling + 0.3 : 0;
            gain += target.IntegratedLufs - result.Lufs;
        }

        return new RenderLoudness(target.Name, target.IntegratedLufs, Round(result.Lufs), Round(result.TruePeak), Round(gain));
    }

    private void WriteOnce(IReadOnlyList<RenderLine> lines, string path, double gainDb, double ceiling)
    {
        var rate = Math.Max(1, SampleRate);
        var gain = (float)Math.Pow(10, gainDb / 20);
        var limiter = new PeakLimiter(rate, ceiling);
        var buffer = new float[BlockSize];
        using var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16);
        using (var writer = audio.CreateWriter(file, format, rate))
        {
            long end = 0;
            foreach (var line in lines.Where(l => l.Delivered))
            {
                var offset = line.OffsetSamples;
                WriteSilence(writer, limiter, buffer, offset - end);
                end = offset;
                foreach (var part in line.Parts)
                {
                    using var reader = audio.OpenReader(part.File, format);
                    int read;
                    while ((read = reader.Read(buffer)) > 0)
                    {
                        var block = buffer.AsSpan(0, read);
                        for (var i = 0; i < read; i++)
                        {
                            block[i] *= gain;
                        }

                        limiter.Process(block);
                        writer.Write(block);
                        end += read;
                    }
                }
            }

            writer.Write(limiter.Flush());
            writer.Complete();
        }

        file.Flush(flushToDisk: true);
    }

    private (double Lufs, double TruePeak) Measure(string path)
    {
        using var reader = audio.OpenReader(path, format);
        using var meter = audio.CreateMeter(reader.SampleRate);
        var buffer = new float[BlockSize];
        int read;
        while ((read = reader.Read(buffer)) > 0)
        {
            meter.Add(buffer.AsSpan(0, read));
        }

        return (meter.IntegratedLoudness, meter.TruePeak);
    }

    private long Offset(RenderLine line, long end, int pause, bool first)
    {
        if (line.Line.Start is { } start)
        {
            // At the cue's time, unless the previous line is still speaking.
            return Math.Max((long)Math.Round(start * SampleRate), end);
        }

        return first ? 0 : end + ((long)pause * SampleRate / 1000);
    }

    private ClipStats Stats(long samples, float peak, long firstLoud, long lastLoud)
    {
        var peakDb = peak > 0 ? 20 * Math.Log10(peak) : double.NegativeInfinity;
        var leading = firstLoud < 0 ? samples : firstLoud;
        var trailing = lastLoud < 0 ? samples : samples - lastLoud - 1;
        return new ClipStats(samples, SampleRate, peakDb, leading * 1000 / SampleRate, trailing * 1000 / SampleRate);
    }

    private static void Silence(ILoudnessMeter meter, long samples)
    {
        var zeros = new float[BlockSize];
        for (var left = samples; left > 0; left -= BlockSize)
        {
            meter.Add(zeros.AsSpan(0, (int)Math.Min(BlockSize, left)));
        }
    }

    private static void WriteSilence(IPcmWriter writer, PeakLimiter limiter, float[] buffer, long samples)
    {
        for (var left = samples; left > 0; left -= BlockSize)
        {
            var block = buffer.AsSpan(0, (int)Math.Min(BlockSize, left));
            block.Clear();
            limiter.Process(block);
            writer.Write(block);
        }
    }

    private static double Round(double value) => double.IsFinite(value) ? Math.Round(value, 2) : -70;
}
