namespace SpeechGate.VoiceResolution;

/// <summary>A checked voice-cloning sample: a readable audio file, its decoded duration and its content hash.</summary>
/// <param name="FileName">The file name sent upstream.</param>
/// <param name="MediaType"><c>audio/wav</c>, <c>audio/mpeg</c> or <c>audio/flac</c>.</param>
/// <param name="Content">The file's bytes, uploaded as they are.</param>
/// <param name="Duration">The decoded duration.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of <paramref name="Content"/>, recorded in <c>voices.lock</c>.</param>
public sealed record VoiceSample(string FileName, string MediaType, ReadOnlyMemory<byte> Content, TimeSpan Duration, string Sha256)
{
    /// <summary>What <c>voices.lock</c> records of the sample, so the clone can be recreated on another account.</summary>
    public VoiceSampleRecord ToRecord() => new(FileName, Sha256, Content.Length, (long)Duration.TotalMilliseconds);
}

/// <summary>A sample as <c>voices.lock</c> records it.</summary>
/// <param name="FileName">The file name.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the file.</param>
/// <param name="Bytes">File size.</param>
/// <param name="DurationMs">Decoded duration in milliseconds.</param>
public sealed record VoiceSampleRecord(string FileName, string Sha256, long Bytes, long DurationMs);
