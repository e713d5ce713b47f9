namespace SpeechGate.Testing.FakeElevenLabs;

/// <summary>A pronunciation dictionary uploaded to the fake.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Name">Its name.</param>
/// <param name="VersionId">Its current version.</param>
/// <param name="Lexicon">The PLS file as uploaded.</param>
public sealed record FakePronunciationLexicon(string Id, string Name, string VersionId, string Lexicon);
