namespace SpeechGate.Cli;

/// <summary>Where a command reads and writes: the real console, or captured streams in tests.</summary>
internal sealed class CliContext(TextWriter output, TextWriter error, Func<Stream> openStandardOutput, Func<Stream> openStandardInput, Func<bool>? isStandardInputClosed = null)
{
    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    /// <summary>Binary standard output, for <c>-o -</c>.</summary>
    public Stream OpenStandardOutput() => openStandardOutput();

    /// <summary>Binary standard input, for text given as <c>-</c>.</summary>
    public Stream OpenStandardInput() => openStandardInput();

    /// <summary>Whether standard input was closed when the process started (reading it would never end).</summary>
    public bool IsStandardInputClosed() => isStandardInputClosed?.Invoke() ?? false;

    public static CliContext FromConsole()
        => new(Console.Out, Console.Error, Console.OpenStandardOutput, Console.OpenStandardInput, StandardInput.IsClosed);
}
