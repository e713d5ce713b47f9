using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace SpeechGate.VoiceResolution;

/// <summary>
/// Removal notices by voice id, in a JSON file under the data directory (<c>voice-notices.json</c>), so the gateway that
/// receives the webhook and the CLI's <c>voices check</c> see the same notices. Written atomically (temp + rename);
/// read afresh when the file changed.
/// </summary>
public sealed class VoiceNoticeStore(IOptions<VoiceResolutionOptions> options) : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    private readonly SemaphoreSlim _write = new(1, 1);
    private readonly Lock _gate = new();
    private (DateTime Stamp, ImmutableDictionary<string, VoiceRemovalNotice> Notices) _cache = (DateTime.MinValue, ImmutableDictionary<string, VoiceRemovalNotice>.Empty);

    /// <summary>The file, or null when notices are off.</summary>
    public string? Path => options.Value.NoticesFile is { } file ? System.IO.Path.GetFullPath(file) : null;

    /// <summary>The notices now in force, by voice id.</summary>
    public ImmutableDictionary<string, VoiceRemovalNotice> Current
    {
        get
        {
            if (Path is not { } path || !File.Exists(path))
            {
                return ImmutableDictionary<string, VoiceRemovalNotice>.Empty;
            }

            var stamp = File.GetLastWriteTimeUtc(path);
            lock (_gate)
            {
                if (stamp != _cache.Stamp)
                {
                    _cache = (stamp, Read(path));
                }

                return _cache.Notices;
            }
        }
    }

    /// <summary>The notice for the first of <paramref name="voiceIds"/> that has one.</summary>
    public VoiceRemovalNotice? Find(params string?[] voiceIds)
    {
        var notices = Current;
        foreach (var id in voiceIds)
        {
            if (id is not null && notices.TryGetValue(id, out var notice))
            {
                return notice;
            }
        }

        return null;
    }

    /// <summary>Records a notice (or a removal), or clears one when the event is a withdrawal.</summary>
    public async Task ApplyAsync(string eventType, VoiceRemovalNotice notice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notice);
        if (Path is not { } path)
        {
            return;
        }

        await _write.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var notices = File.Exists(path) ? Read(path) : ImmutableDictionary<string, VoiceRemovalNotice>.Empty;
            notices = eventType == VoiceWebhookEvents.RemovalNoticeWithdrawn ? notices.Remove(notice.VoiceId) : notices.SetItem(notice.VoiceId, notice);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
            try
            {
                await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, useAsync: true))
                {
                    await JsonSerializer.SerializeAsync(stream, notices.Values.OrderBy(n => n.VoiceId, StringComparer.Ordinal).ToList(), Json, cancellationToken).ConfigureAwait(false);
                    await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                    stream.Flush(flushToDisk: true);
                }

                File.Move(temporary, path, overwrite: true);
            }
            finally
            {
                File.Delete(temporary);
            }
        }
        finally
        {
            _write.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _write.Dispose();

    private static ImmutableDictionary<string, VoiceRemovalNotice> Read(string path)
    {
        try
        {
            var list = JsonSerializer.Deserialize<List<VoiceRemovalNotice>>(File.ReadAllText(path), Json) ?? [];
            return list.Where(n => !string.IsNullOrEmpty(n.VoiceId)).ToImmutableDictionary(n => n.VoiceId, StringComparer.Ordinal);
        }
        catch (Exception error) when (error is JsonException or IOException)
        {
            throw new VoiceConfigurationException(path, 0, $"cannot read voice removal notices: {error.Message}");
        }
    }
}
