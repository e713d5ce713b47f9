namespace SpeechGate.Synthesis;

/// <summary>Opens <see cref="ISpeechSession"/>s for one provider; registered as a keyed service under the provider's name.</summary>
public interface ISpeechSessionFactory
{
    /// <summary>A new session for requests like <paramref name="template"/>; it connects on its first request.</summary>
    ISpeechSession Open(SpeechRequest template);
}
