namespace SpeechGate.Providers.Local.Engine;

/// <summary>A word event from the engine.</summary>
/// <param name="TextPosition">1-based code-point position of the word in the synthesised text.</param>
/// <param name="Length">Length of the word in code points.</param>
/// <param name="AudioPositionMs">Where the word starts, in milliseconds from the start of the synthesised audio.</param>
internal readonly record struct WordMark(int TextPosition, int Length, int AudioPositionMs);
