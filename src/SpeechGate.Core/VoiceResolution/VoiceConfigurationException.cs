using SpeechGate.Synthesis;

namespace SpeechGate.VoiceResolution;

/// <summary>A bad <c>voices.yaml</c> or <c>voices.lock</c>: names the file and the line at fault.</summary>
public sealed class VoiceConfigurationException : SpeechException
{
    /// <summary>Creates the exception; the message reads <c>FILE:LINE: problem</c>.</summary>
    public VoiceConfigurationException(string filePath, int line, string problem, Exception? innerException = null)
        : base(400, "invalid_voice_configuration", line > 0 ? $"{filePath}:{line}: {problem}" : $"{filePath}: {problem}", innerException)
    {
        FilePath = filePath;
        Line = line;
        Problem = problem;
    }

    /// <summary>Creates the exception with no file.</summary>
    public VoiceConfigurationException()
        : this("voices.yaml", 0, "invalid voice configuration")
    {
    }

    /// <summary>Creates the exception with no file.</summary>
    public VoiceConfigurationException(string message)
        : this("voices.yaml", 0, message)
    {
    }

    /// <summary>Creates the exception with no file.</summary>
    public VoiceConfigurationException(string message, Exception innerException)
        : this("voices.yaml", 0, message, innerException)
    {
    }

    /// <summary>The file at fault.</summary>
    public string FilePath { get; }

    /// <summary>The 1-based line at fault; 0 when unknown.</summary>
    public int Line { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Problem { get; }
}
