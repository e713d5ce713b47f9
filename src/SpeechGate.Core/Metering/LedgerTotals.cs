namespace SpeechGate.Metering;

/// <summary>Totals over a set of ledger rows.</summary>
/// <param name="Group">The group's value (key, project, voice, model or day); null for the grand total.</param>
/// <param name="Requests">Requests answered.</param>
/// <param name="Characters">Characters requested.</param>
/// <param name="SpentCredits">Credits billed by providers.</param>
/// <param name="SavedCredits">Credits the cache saved (estimates of hits and coalesced requests).</param>
/// <param name="WastedCredits">Credits spent on regenerations and re-buys of identical audio.</param>
/// <param name="CacheHits">Requests answered from the cache.</param>
public sealed record LedgerTotals(string? Group, long Requests, long Characters, long SpentCredits, long SavedCredits, long WastedCredits, long CacheHits);
