using System.ComponentModel.DataAnnotations;
using SpeechGate.Hosting;

namespace SpeechGate.Caching;

/// <summary>Where and how much audio the cache keeps (configuration section <c>Cache</c>).</summary>
public sealed class SpeechCacheOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Cache";

    /// <summary>The cache's directory: <c>index.db</c> and <c>blobs/</c>. Default: <c>&lt;data directory&gt;/cache</c>.</summary>
    [Required]
    public string Directory { get; set; } = Path.Combine(SpeechGatePaths.DataDirectory, "cache");

    /// <summary>Bytes of audio kept on disk; past it the least recently hit entries are evicted. Default 1 GiB.</summary>
    [Range(1, long.MaxValue)]
    public long MaxBytes { get; set; } = 1L << 30;

    /// <summary>Bytes of recently used clips kept in memory, so hot hits read no disk. 0 turns the tier off. Default 64 MiB.</summary>
    [Range(0, long.MaxValue)]
    public long MemoryMaxBytes { get; set; } = 64L << 20;

    /// <summary>Whether <c>UseCache()</c> adds the stage; when false requests go straight to the provider.</summary>
    public bool Enabled { get; set; } = true;
}
