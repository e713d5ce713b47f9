namespace SpeechGate.Metering;

/// <summary>How <c>speechgate ledger --by</c> groups rows.</summary>
public enum LedgerGrouping
{
    /// <summary>No grouping: totals only.</summary>
    None,

    /// <summary>By gateway key.</summary>
    Key,

    /// <summary>By project tag.</summary>
    Project,

    /// <summary>By voice id.</summary>
    Voice,

    /// <summary>By model id.</summary>
    Model,

    /// <summary>By UTC day.</summary>
    Day,
}
