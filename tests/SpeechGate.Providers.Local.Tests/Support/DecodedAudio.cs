namespace SpeechGate.Providers.Local.Tests.Support;

/// <summary>What a real decoder reported about an encoded clip.</summary>
public sealed record DecodedAudio(int SampleRate, int Channels, double DurationSeconds, string Report);
