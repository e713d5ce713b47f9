namespace SpeechGate.Testing.FakeElevenLabs;

/// <summary>Plan ordering for tier-gated features.</summary>
internal static class FakeTier
{
    private static readonly string[] Order = ["free", "starter", "creator", "pro", "scale", "business", "enterprise"];

    public static bool Allows(string tier, string minimum) => Rank(tier) >= Rank(minimum);

    private static int Rank(string tier) => Math.Max(0, Array.IndexOf(Order, tier.ToLowerInvariant()));
}
