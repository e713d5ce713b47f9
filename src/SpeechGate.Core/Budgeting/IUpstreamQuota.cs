namespace SpeechGate.Budgeting;

/// <summary>The provider account's own credit quota, checked locally so an unaffordable request never leaves.</summary>
internal interface IUpstreamQuota
{
    /// <summary>
    /// Holds <paramref name="credits"/> of the provider's remaining quota, or throws a 401 <c>quota_exceeded</c>
    /// SpeechException (the provider's own answer) when they are not there. Null when the provider has no quota.
    /// </summary>
    Task<QuotaHold?> HoldAsync(string provider, long credits, CancellationToken cancellationToken = default);
}
