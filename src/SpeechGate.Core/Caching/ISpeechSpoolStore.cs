namespace SpeechGate.Caching;

/// <summary>A store that takes a clip while it is still arriving, into its own temporary file, rather than only finished clips.</summary>
internal interface ISpeechSpoolStore
{
    /// <summary>Opens a new temporary file in the store; throws <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/> when the store cannot write.</summary>
    SpeechSpool CreateSpool();
}
