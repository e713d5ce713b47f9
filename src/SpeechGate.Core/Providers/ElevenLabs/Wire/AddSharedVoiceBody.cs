namespace SpeechGate.Providers.ElevenLabs.Wire;

/// <summary>Body of <c>POST /v1/voices/add/{public_user_id}/{voice_id}</c>.</summary>
internal sealed record AddSharedVoiceBody(string NewName, bool Bookmarked);
