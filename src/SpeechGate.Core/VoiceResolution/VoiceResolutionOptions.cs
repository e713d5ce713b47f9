namespace SpeechGate.VoiceResolution;

/// <summary>Where voice aliases and pins live, and whether dev mode is on (configuration section <c>Voices</c>).</summary>
public sealed class VoiceResolutionOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Voices";

    /// <summary>The mode that routes every request to the local provider.</summary>
    public const string DevMode = "dev";

    /// <summary>Path of <c>voices.yaml</c>; null means <c>voices.yaml</c> in the current directory.</summary>
    public string? File { get; set; }

    /// <summary>Path of the lockfile; null means <c>voices.lock</c> beside <see cref="File"/>.</summary>
    public string? LockFile { get; set; }

    /// <summary><c>dev</c> sends every request to the local provider with the mapped voice (zero credits).</summary>
    public string? Mode { get; set; }

    /// <summary>The local voice dev mode uses when <c>voices.yaml</c> maps nothing (no <c>dev:</c> entry, no <c>dev.default</c>).</summary>
    public string? DevDefaultVoiceId { get; set; }

    /// <summary>Where recently used voices are recorded for <c>voices check</c>; null disables the record.</summary>
    public string? RecentVoicesFile { get; set; }

    /// <summary>Where removal notices from ElevenLabs' webhooks are recorded (shared by <c>serve</c> and the CLI); null disables them.</summary>
    public string? NoticesFile { get; set; }

    /// <summary>The secret ElevenLabs signs its workspace webhooks with (<c>Voices:WebhookSecret</c>); null refuses every webhook.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>The aliases file to read.</summary>
    public string CatalogPath => Path.GetFullPath(File ?? "voices.yaml");

    /// <summary>The lockfile to read and write.</summary>
    public string LockPath => Path.GetFullPath(LockFile ?? Path.Combine(Path.GetDirectoryName(CatalogPath)!, "voices.lock"));

    /// <summary>Whether dev mode is on.</summary>
    public bool IsDevMode => string.Equals(Mode, DevMode, StringComparison.OrdinalIgnoreCase);
}
