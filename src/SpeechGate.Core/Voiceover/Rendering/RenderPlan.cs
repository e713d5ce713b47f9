using SpeechGate.Budgeting;

namespace SpeechGate.Voiceover.Rendering;

/// <summary>What a render will do before it pays: per line whether it is cached, its credits, and the budgets left.</summary>
/// <param name="Lines">Every line, in order.</param>
/// <param name="Characters">Billable characters of every line.</param>
/// <param name="Credits">Credits if nothing were cached.</param>
/// <param name="CreditsToSpend">Credits this render will spend.</param>
/// <param name="Budgets">Applicable budgets: remaining now and after <paramref name="CreditsToSpend"/>.</param>
/// <param name="Quota">The upstream quota now and after, when known.</param>
public sealed record RenderPlan(
    IReadOnlyList<RenderPlanLine> Lines, long Characters, long Credits, long CreditsToSpend, IReadOnlyList<BudgetAfter> Budgets, QuotaAfter? Quota);

/// <summary>One line of a plan.</summary>
/// <param name="Id">Line id.</param>
/// <param name="Voice">Voice as the script names it.</param>
/// <param name="Characters">Billable characters.</param>
/// <param name="Requests">Requests the line is split into.</param>
/// <param name="Credits">Credits the line will cost in this render (0 when cached or a kept take).</param>
/// <param name="Action"><c>cached</c>, <c>pay</c>, <c>new-take</c>, <c>take</c> (a kept take) or <c>skip</c> (over a hard budget with <c>--allow-partial</c>).</param>
public sealed record RenderPlanLine(string Id, string Voice, int Characters, int Requests, long Credits, string Action);
