namespace SpeechGate.Budgeting;

/// <summary>Credits held against budgets until the call settles or fails.</summary>
/// <param name="Id">Store-specific id.</param>
/// <param name="Credits">Credits held.</param>
/// <param name="Warnings">Soft budgets this request takes over their limit.</param>
public sealed record BudgetReservation(string Id, long Credits, IReadOnlyList<string> Warnings);
