namespace SpeechGate.Providers.Local;

/// <summary>Settings of the local eSpeak NG provider (configuration section <c>Providers:Local</c>).</summary>
public sealed class LocalSpeechOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Providers:Local";

    /// <summary>The <c>espeak-ng-data</c> directory (or its parent); null uses the system's (Debian: espeak-ng-data).</summary>
    public string? DataPath { get; set; }

    /// <summary>
    /// How many syntheses run at once, each on its own copy of the engine; further requests wait for a free copy. A
    /// response holds its copy until its client has read it all, so the default (twice the processor count, at least
    /// 8) keeps slow readers from blocking others. The first request of the process fixes the number.
    /// </summary>
    public int EngineInstances { get; set; } = Math.Max(8, Environment.ProcessorCount * 2);
}
