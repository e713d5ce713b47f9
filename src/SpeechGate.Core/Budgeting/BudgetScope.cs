namespace SpeechGate.Budgeting;

/// <summary>Whom a budget limits.</summary>
public enum BudgetScope
{
    /// <summary>A gateway key (SpeechRequest.AccountId).</summary>
    Key,

    /// <summary>A project tag (SpeechRequest.Project).</summary>
    Project,
}
